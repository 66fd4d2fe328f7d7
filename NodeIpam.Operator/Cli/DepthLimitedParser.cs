using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace NodeIpam.Operator.Cli;

/// <summary>
/// Passes YAML parsing events through and fails with an <see cref="InputException"/> as soon as mappings and
/// sequences nest deeper than a limit: YamlDotNet's document loader recurses once per level, so a deeply nested
/// input would otherwise overflow the stack (which no handler can catch) before any error could be reported.
/// </summary>
internal sealed class DepthLimitedParser(IParser inner, string source, int maxDepth) : IParser
{
    private int _depth;

    /// <inheritdoc/>
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc/>
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        if (inner.Current is MappingStart or SequenceStart)
        {
            _depth++;
            if (_depth > maxDepth)
            {
                throw new InputException($"{source}: line {inner.Current.Start.Line}: nested deeper than {maxDepth} levels, the limit");
            }
        }
        else if (inner.Current is MappingEnd or SequenceEnd)
        {
            _depth--;
        }

        return true;
    }
}
