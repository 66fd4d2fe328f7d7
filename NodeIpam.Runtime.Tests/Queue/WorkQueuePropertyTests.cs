using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.Time.Testing;
using static NodeIpam.Runtime.Tests.Queue.QueueFixtures;

namespace NodeIpam.Runtime.Tests.Queue;

/// <summary>
/// The queue against client-go's specification written as a tiny model (FIFO of pending keys, dirty set, processing
/// set), over random sequences of Add, Get and Done on a few keys.
/// </summary>
public sealed class WorkQueuePropertyTests
{
    [Test]
    public void Behaves_like_the_client_go_model() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), operations => MatchesModel(operations)));

    private static bool MatchesModel(byte[] operations)
    {
        using var queue = WorkQueue(new FakeTimeProvider());
        var pending = new List<ObjectKey>();
        var dirty = new HashSet<ObjectKey>();
        var processing = new List<ObjectKey>();

        foreach (var operation in operations)
        {
            var key = Key($"k{(operation >> 2) % 4}");
            switch (operation % 3)
            {
                case 0:
                    queue.Add(key);
                    if (dirty.Add(key) && !processing.Contains(key))
                    {
                        pending.Add(key);
                    }

                    break;
                case 1 when pending.Count > 0:
                    var got = queue.GetAsync(CancellationToken.None);
                    var expected = pending[0];
                    pending.RemoveAt(0);
                    dirty.Remove(expected);
                    processing.Add(expected);
                    if (!got.IsCompletedSuccessfully || got.Result != expected)
                    {
                        return false;
                    }

                    break;
                case 2 when processing.Count > 0:
                    var done = processing[(operation >> 4) % processing.Count];
                    queue.Done(done);
                    processing.Remove(done);
                    if (dirty.Contains(done))
                    {
                        pending.Add(done);
                    }

                    break;
            }

            if (queue.Length != pending.Count)
            {
                return false;
            }
        }

        return true;
    }
}
