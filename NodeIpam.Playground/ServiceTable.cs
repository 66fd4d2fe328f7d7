using System.Text;

namespace NodeIpam.Playground;

/// <summary>Renders rows as a kubectl-like table (columns padded to the widest cell, three spaces apart).</summary>
internal static class ServiceTable
{
    private const int MaxNote = 90;

    public static string Render(IReadOnlyList<ServiceRow> rows)
    {
        string[] header = ["SERVICE", "POLICY", "SELECTOR", "EXTERNAL-IP", "WHY"];
        var cells = rows.Select(r => new[] { r.Key, r.Policy, r.Selector.Length == 0 ? "-" : r.Selector, r.ExternalIp, Shorten(r.Note) }).ToList();
        var widths = header.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToArray();
        var table = new StringBuilder();
        foreach (var line in cells.Prepend(header))
        {
            table.AppendLine(string.Join("   ", line.Select((cell, i) => i == line.Length - 1 ? cell : cell.PadRight(widths[i]))));
        }

        return table.ToString();
    }

    private static string Shorten(string note) => note.Length <= MaxNote ? note : string.Concat(note.AsSpan(0, MaxNote - 3), "...");
}
