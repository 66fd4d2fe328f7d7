namespace NodeIpam.Operator.Tests.Support;

/// <summary>The checkout the tests run from, for tests about committed files (config/, samples).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NodeIpam.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NodeIpam.sln not found above the test directory.");
    }
}
