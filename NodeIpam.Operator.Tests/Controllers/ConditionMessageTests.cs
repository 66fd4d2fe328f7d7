using System.Text;
using NodeIpam.Operator.Caching;
using NodeIpam.Operator.Controllers;

namespace NodeIpam.Operator.Tests.Controllers;

[TestFixture]
internal sealed class ConditionMessageTests
{
    private const string Emoji = "\U0001F600";

    [Test]
    public void A_short_message_is_kept_as_it_is()
    {
        ConditionMessage.Cut("advertising 1 address of 1 node", 100).Should().Be("advertising 1 address of 1 node");
    }

    [Test]
    public void A_cut_counts_utf8_bytes_and_never_splits_a_character_wherever_an_emoji_falls()
    {
        const int Limit = 64;
        for (var offset = Limit - 8; offset <= Limit + 2; offset++)
        {
            var text = new string('k', offset) + Emoji + Emoji + "é" + new string('z', 40);

            var cut = ConditionMessage.Cut(text, Limit);

            Encoding.UTF8.GetByteCount(cut).Should().BeLessThanOrEqualTo(Limit, $"emoji at {offset}");
            cut.Should().EndWith(ConditionMessage.Ellipsis);
            text.Should().StartWith(cut[..^ConditionMessage.Ellipsis.Length], "only whole characters are kept");
            Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(cut)).Should().Be(cut, "the message survives the trip through JSON unchanged");
            Encoding.UTF8.GetByteCount(cut).Should().BeGreaterThan(Limit - 4 - ConditionMessage.Ellipsis.Length, "at most one character is given up");
        }
    }

    [Test]
    public void Multi_byte_text_within_the_character_count_but_over_the_byte_limit_is_cut()
    {
        var text = string.Concat(Enumerable.Repeat(Emoji, 20));

        var cut = ConditionMessage.Cut(text, 40);

        text.Length.Should().Be(40, "the old rule counted UTF-16 characters and kept it whole");
        Encoding.UTF8.GetByteCount(cut).Should().BeLessThanOrEqualTo(40);
        cut.Should().Be(string.Concat(Enumerable.Repeat(Emoji, 9)) + ConditionMessage.Ellipsis);
    }

    [Test]
    public void A_lone_surrogate_becomes_the_replacement_character_as_json_would_write_it()
    {
        ConditionMessage.Cut("a\uD83Db", 100).Should().Be("a\uFFFDb");
    }

    [Test]
    public void A_composed_message_fits_the_api_limit_and_keeps_its_fingerprint()
    {
        var text = "x" + string.Concat(Enumerable.Repeat(Emoji, 20_000));

        var message = ConditionMessage.Compose(text, ["10.0.0.1"]);

        Encoding.UTF8.GetByteCount(message).Should().BeLessThanOrEqualTo(ServiceStatusNames.MaxConditionMessageBytes);
        IngressFingerprint.Read(message).Should().Be(IngressFingerprint.Of(["10.0.0.1"]));
        ConditionMessage.Compose(text, ["10.0.0.1"]).Should().Be(message);
    }
}
