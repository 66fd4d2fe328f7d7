using System.Reflection;
using System.Reflection.Emit;

namespace NodeIpam.Operator.Tests.Architecture;

/// <summary>
/// Which namespaces of an assembly use which others, read from the compiled code (signatures, attributes and every
/// type, field and method a method body names), so a dependency through a fully qualified name or a parent
/// namespace counts as much as one through a <c>using</c>. Compiler-generated types (lambdas, async state machines)
/// count for the namespace of the type they are nested in.
/// </summary>
internal sealed class NamespaceGraph
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private readonly Assembly _assembly;

    private NamespaceGraph(Assembly assembly) => _assembly = assembly;

    /// <summary>Namespace → the namespaces of the same assembly it uses, each with one example "type → type".</summary>
    public Dictionary<string, Dictionary<string, string>> Edges { get; } = new(StringComparer.Ordinal);

    /// <summary>Namespace → the namespaces of other assemblies it uses, each with one example "type → type".</summary>
    public Dictionary<string, Dictionary<string, string>> External { get; } = new(StringComparer.Ordinal);

    public static NamespaceGraph Of(Assembly assembly)
    {
        var graph = new NamespaceGraph(assembly);
        foreach (var type in assembly.GetTypes())
        {
            graph.Add(type);
        }

        return graph;
    }

    /// <summary>The groups of two or more namespaces that reach each other (strongly connected components).</summary>
    public List<List<string>> Cycles()
    {
        var nodes = Edges.Keys.Union(Edges.Values.SelectMany(e => e.Keys)).Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var cycles = new List<List<string>>();
        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Connect(node);
        }

        return cycles;

        void Connect(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in Edges.GetValueOrDefault(node)?.Keys ?? Enumerable.Empty<string>())
            {
                if (!index.TryGetValue(next, out var seen))
                {
                    Connect(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], seen);
                }
            }

            if (low[node] != index[node])
            {
                return;
            }

            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                component.Add(member);
            }
            while (member != node);
            if (component.Count > 1)
            {
                cycles.Add([.. component.Order(StringComparer.Ordinal)]);
            }
        }
    }

    // The compiler's own helper types (collection expressions, anonymous types) sit in the global namespace: a use of
    // one is no dependency between the program's namespaces.
    private static bool IsCompilerHelper(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Name.StartsWith('<');
    }

    private static string Namespace(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }

        return type.Namespace ?? "";
    }

    private void Add(Type type)
    {
        var from = Namespace(type);
        void Use(Type? used)
        {
            if (used is null)
            {
                return;
            }

            if (used.HasElementType)
            {
                Use(used.GetElementType());
                return;
            }

            if (used.IsGenericType && !used.IsGenericTypeDefinition)
            {
                foreach (var argument in used.GetGenericArguments())
                {
                    Use(argument);
                }

                used = used.GetGenericTypeDefinition();
            }

            if (used.IsGenericParameter || IsCompilerHelper(used))
            {
                return;
            }

            var to = Namespace(used);
            var edges = used.Assembly == _assembly ? Edges : External;
            if (to != from)
            {
                if (!edges.TryGetValue(from, out var targets))
                {
                    edges[from] = targets = new Dictionary<string, string>(StringComparer.Ordinal);
                }

                targets.TryAdd(to, $"{type.FullName} → {used.FullName}");
            }
        }

        Use(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Use(i);
        }

        foreach (var attribute in type.CustomAttributes)
        {
            Use(attribute.AttributeType);
        }

        foreach (var field in type.GetFields(Everything))
        {
            Use(field.FieldType);
        }

        foreach (var property in type.GetProperties(Everything))
        {
            Use(property.PropertyType);
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                Use(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Use(parameter.ParameterType);
            }

            foreach (var attribute in method.CustomAttributes)
            {
                Use(attribute.AttributeType);
            }

            foreach (var member in BodyReferences(method))
            {
                Use(member as Type ?? member.DeclaringType);
                switch (member)
                {
                    case FieldInfo f:
                        Use(f.FieldType);
                        break;
                    case MethodInfo m:
                        Use(m.ReturnType);
                        foreach (var argument in m.IsGenericMethod ? m.GetGenericArguments() : [])
                        {
                            Use(argument);
                        }

                        break;
                }
            }
        }
    }

    // The members a method body names: the operands of the IL instructions that take a type, field or method token.
    private static IEnumerable<MemberInfo> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            var value = il[position] == 0xFE ? (short)(0xFE00 | il[position + 1]) : il[position];
            position += il[position] == 0xFE ? 2 : 1;
            var opCode = OpCodesByValue[value];
            switch (opCode.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    MemberInfo? member = null;
                    try
                    {
                        member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                        // A member of an open generic context that cannot be resolved alone; its declaring type is
                        // named elsewhere in the signatures.
                    }

                    if (member is not null)
                    {
                        yield return member;
                    }

                    break;
                case OperandType.InlineSwitch:
                    position += 4 + (4 * BitConverter.ToInt32(il, position));
                    break;
                default:
                    position += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType type) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
