using System.Runtime.CompilerServices;

namespace NodeIpam.Operator.Tests.Cli;

/// <summary>
/// Golden files: testdata/plan/&lt;case&gt;/cluster.(yaml|json) in, expected.json out, extra arguments in an optional
/// <c>args</c> file (one per line). UPDATE_GOLDEN=1 rewrites the expected files in the source tree; review every
/// change by reading it: the files state what a Kubernetes user must see, not what the code happens to print.
/// </summary>
public class PlanGoldenTests
{
    private static readonly string CasesDirectory = Path.Combine(TestContext.CurrentContext.TestDirectory, "testdata", "plan");

    public static IEnumerable<TestCaseData> Cases() =>
        Directory.GetDirectories(CasesDirectory)
            .Order(StringComparer.Ordinal)
            .Select(d => new TestCaseData(Path.GetFileName(d)).SetName($"plan golden: {Path.GetFileName(d)}"));

    [TestCaseSource(nameof(Cases))]
    public async Task Prints_the_expected_plan(string name)
    {
        var directory = Path.Combine(CasesDirectory, name);
        var input = Directory.GetFiles(directory, "cluster.*").Should().ContainSingle().Subject;
        var argsFile = Path.Combine(directory, "args");
        var extra = File.Exists(argsFile) ? File.ReadAllLines(argsFile).Where(l => l.Length > 0) : [];

        var (code, output, error) = await CliRunner.RunAsync(["plan", "-f", input, "-o", "json", .. extra]);

        error.Should().BeEmpty();
        code.Should().Be(0);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(Path.Combine(SourceCasesDirectory(), name, "expected.json"), output);
            return;
        }

        output.Should().Be(await File.ReadAllTextAsync(Path.Combine(directory, "expected.json")));
    }

    private static string SourceCasesDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "testdata", "plan");
}
