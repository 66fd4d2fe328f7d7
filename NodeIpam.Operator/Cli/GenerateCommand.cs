using System.CommandLine;
using System.Reflection;
using NodeIpam.Runtime.Rbac;

namespace NodeIpam.Operator.Cli;

/// <summary>
/// <c>generate manifests [--out DIR]</c>: writes the RBAC manifests under <c>DIR/rbac</c> from the
/// <see cref="EntityRbacAttribute"/>s of the operator and its runtime, so the permissions can never drift from the code.
/// </summary>
internal sealed class GenerateCommand : ICliCommand
{
    private const string DefaultOutput = "config";

    /// <summary>The assemblies whose attributes declare what the operator uses.</summary>
    internal static IReadOnlyList<Assembly> SourceAssemblies { get; } =
        [typeof(GenerateCommand).Assembly, typeof(RbacManifests).Assembly];

    /// <inheritdoc/>
    public Command Build(CliConsole console)
    {
        var output = new Option<string>("--out")
        {
            HelpName = "DIR",
            Description = "where to write rbac/role.yaml and rbac/leader_election_role.yaml",
            DefaultValueFactory = _ => DefaultOutput,
        };
        var manifests = new Command(
            "manifests",
            "Write DIR/rbac/role.yaml (the ClusterRole) and DIR/rbac/leader_election_role.yaml (the Role in the operator's namespace) from the RBAC attributes in the code.")
        {
            output,
        };
        manifests.SetAction((result, cancellationToken) => WriteAsync(result.GetRequiredValue(output), console, cancellationToken));
        return new Command("generate", "Generate files from the code: \"manifests\" writes the RBAC manifests in config/rbac.") { manifests };
    }

    private static async Task<int> WriteAsync(string output, CliConsole console, CancellationToken cancellationToken)
    {
        var rbacDirectory = Path.Combine(output, "rbac");
        Directory.CreateDirectory(rbacDirectory);
        foreach (var (file, yaml) in RbacManifests.Generate(SourceAssemblies))
        {
            var path = Path.Combine(rbacDirectory, file);
            await File.WriteAllTextAsync(path, yaml, cancellationToken);
            await console.Out.WriteLineAsync($"wrote {path}");
        }

        return ExitCodes.Success;
    }
}
