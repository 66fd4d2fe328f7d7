using NodeIpam.Operator.Cli;
using NodeIpam.Operator.Tests.Support;
using NodeIpam.Runtime.Rbac;

namespace NodeIpam.Operator.Tests.Cli;

public sealed class GenerateCommandTests
{
    [Test]
    public void Committed_rbac_manifests_are_what_the_code_declares()
    {
        var rbac = Repository.PathOf("config", "rbac");

        foreach (var (file, yaml) in RbacManifests.Generate(GenerateCommand.SourceAssemblies))
        {
            File.ReadAllText(Path.Combine(rbac, file)).Should().Be(
                yaml, $"config/rbac/{file} must match the [EntityRbac] attributes; run `make manifests` and commit the result");
        }
    }

    [Test]
    public async Task Generate_manifests_writes_both_roles_into_the_output_folder()
    {
        var output = Directory.CreateTempSubdirectory("nodeipam-manifests-").FullName;
        try
        {
            var (code, stdout, _) = await RunAsync("generate", "manifests", "--out", output);

            code.Should().Be(ExitCodes.Success);
            stdout.Should().Contain("role.yaml").And.Contain("leader_election_role.yaml");
            File.ReadAllText(Path.Combine(output, "rbac", "role.yaml")).Should().Contain("kind: ClusterRole");
            File.ReadAllText(Path.Combine(output, "rbac", "leader_election_role.yaml")).Should().Contain("kind: Role");
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [TestCase("generate")]
    [TestCase("generate", "crds")]
    [TestCase("generate", "manifests", "--out")]
    public async Task Wrong_arguments_are_a_usage_error(params string[] args)
    {
        var (code, _, stderr) = await RunAsync(args);

        code.Should().Be(ExitCodes.Usage);
        stderr.Should().StartWith("error: ");
    }

    private static async Task<(int Code, string Out, string Error)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliConsole(TextReader.Null, stdout, stderr), CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
