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

    private const string Usage = """
        Usage: NodeIpam.Operator generate manifests [--out DIR]

        Writes DIR/rbac/role.yaml (the ClusterRole) and DIR/rbac/leader_election_role.yaml (the Role in the
        operator's namespace) from the RBAC attributes in the code. DIR defaults to "config".
        """;

    /// <inheritdoc/>
    public string Name => "generate";

    /// <inheritdoc/>
    public string Summary => "generate manifests: write the RBAC manifests in config/rbac from the code";

    /// <summary>The assemblies whose attributes declare what the operator uses.</summary>
    internal static IReadOnlyList<Assembly> SourceAssemblies { get; } =
        [typeof(GenerateCommand).Assembly, typeof(RbacManifests).Assembly];

    /// <inheritdoc/>
    public async Task<int> RunAsync(IReadOnlyList<string> args, CliConsole console, CancellationToken cancellationToken)
    {
        if (args.Any(a => a is "-h" or "--help"))
        {
            await console.Out.WriteLineAsync(Usage);
            return ExitCodes.Success;
        }

        if (args.Count == 0 || args[0] != "manifests")
        {
            throw new UsageException("generate needs what to generate: \"manifests\"");
        }

        var output = args.Count switch
        {
            1 => DefaultOutput,
            3 when args[1] == "--out" => args[2],
            _ => throw new UsageException($"unexpected arguments: {string.Join(' ', args.Skip(1))}"),
        };

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
