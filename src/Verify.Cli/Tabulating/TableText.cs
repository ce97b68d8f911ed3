using System.Globalization;

namespace Verify.Cli.Tabulating;

/// <summary>verify table as CSV or as aligned text; numbers in round-trip form, so a value reads back exactly.</summary>
static class TableText
{
    public static void Csv(TextWriter output, IReadOnlyList<string> names, IReadOnlyList<string> expressions, IReadOnlyList<PointRow> rows)
    {
        output.WriteLine(string.Join(",", names.Concat(expressions).Append("error").Select(Quote)));
        foreach (var r in rows)
            output.WriteLine(string.Join(",", Cells(r, names, expressions).Append(Quote(r.Error ?? ""))));
    }

    public static void Aligned(TextWriter output, IReadOnlyList<string> names, IReadOnlyList<string> expressions, IReadOnlyList<PointRow> rows)
    {
        var header = names.Concat(expressions).ToList();
        var cells = rows.Select(r => Cells(r, names, expressions).ToList()).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Select(c => c[i].Length).DefaultIfEmpty(0).Max())).ToList();
        output.WriteLine(string.Join("  ", header.Select((h, i) => h.PadLeft(widths[i]))).TrimEnd());
        for (int k = 0; k < rows.Count; k++)
        {
            var line = string.Join("  ", cells[k].Select((c, i) => c.PadLeft(widths[i])));
            output.WriteLine(rows[k].Error is { } error ? $"{line}  error: {error}" : line.TrimEnd());
        }
    }

    static IEnumerable<string> Cells(PointRow r, IReadOnlyList<string> names, IReadOnlyList<string> expressions) =>
        names.Select(n => r.At.TryGetValue(n, out var v) ? Number(v) : "")
            .Concat(expressions.Select(e => r.Values[e] is { } v ? Number(v) : ""));

    static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\n', '\r']) < 0 ? cell : "\"" + cell.Replace("\"", "\"\"") + "\"";
}
