using System.Globalization;

namespace Verify.Cli.Tabulating;

/// <summary>
/// The rows of verify table: a grid ("phi=0.05:0.95:1000", several are crossed) or a CSV file whose
/// header names the columns. Each row is completed by the --at values. A malformed grid or file is
/// bad input for the whole run, with its place; a point outside the domain is only that row's error.
/// </summary>
static class TablePoints
{
    public static List<Dictionary<string, double>> Grid(IReadOnlyList<string> specs)
    {
        var rows = new List<Dictionary<string, double>> { new(StringComparer.Ordinal) };
        foreach (var spec in specs)
        {
            var (name, values) = Axis(spec);
            if (rows[0].ContainsKey(name)) throw new ArgumentException($"--grid: {name} is given twice");
            rows = rows.SelectMany(r => values.Select(v => new Dictionary<string, double>(r, StringComparer.Ordinal) { [name] = v })).ToList();
            if (rows.Count > 10_000_000) throw new ArgumentException("--grid: more than 10,000,000 points");
        }
        return rows;
    }

    /// <summary>name=lo:hi:n, n evenly spaced values from lo to hi inclusive.</summary>
    static (string Name, double[] Values) Axis(string spec)
    {
        var eq = spec.IndexOf('=');
        var parts = eq <= 0 ? [] : spec[(eq + 1)..].Split(':');
        if (parts.Length != 3) throw new ArgumentException($"--grid: expected name=from:to:count (e.g. phi=0.05:0.95:1000) but found '{spec}'");
        var name = spec[..eq].Trim();
        var from = Number(parts[0], spec);
        var to = Number(parts[1], spec);
        if (!int.TryParse(parts[2].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
            throw new ArgumentException($"--grid: the count '{parts[2].Trim()}' in '{spec}' is not a whole number of at least 1");
        if (count == 1 && from != to) throw new ArgumentException($"--grid: one point cannot span {parts[0].Trim()} to {parts[1].Trim()} in '{spec}'");
        // from + i*step, with the last value exactly 'to'.
        var values = Enumerable.Range(0, count).Select(i => i == count - 1 ? to : from + i * ((to - from) / Math.Max(1, count - 1))).ToArray();
        return (name, values);
    }

    static double Number(string text, string spec) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
        : throw new ArgumentException($"--grid: '{text.Trim()}' in '{spec}' is not a number");

    /// <summary>A CSV file: a header of names, then one row of numbers per point; blank lines skipped.</summary>
    public static List<Dictionary<string, double>> Csv(string path)
    {
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ArgumentException($"--points: cannot read {path}: {e.Message}", e);
        }
        var header = Array.FindIndex(lines, l => l.Trim().Length > 0);
        if (header < 0) throw new ArgumentException($"{path}: the file is empty; expected a header such as phi,sE");
        var names = lines[header].Split(',').Select(n => n.Trim().Trim('"')).ToArray();
        for (int i = 0; i < names.Length; i++)
        {
            if (names[i].Length == 0) throw new ArgumentException($"{path}:{header + 1}: column {i + 1} of the header has no name");
            if (Array.IndexOf(names, names[i]) != i) throw new ArgumentException($"{path}:{header + 1}: {names[i]} is a column twice");
        }
        var rows = new List<Dictionary<string, double>>();
        for (int line = header + 1; line < lines.Length; line++)
        {
            if (lines[line].Trim().Length == 0) continue;
            var cells = lines[line].Split(',');
            if (cells.Length != names.Length)
                throw new ArgumentException($"{path}:{line + 1}: {cells.Length} values for {names.Length} columns ({string.Join(",", names)})");
            var row = new Dictionary<string, double>(StringComparer.Ordinal);
            int column = 1;
            for (int i = 0; i < cells.Length; i++)
            {
                if (!double.TryParse(cells[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
                    throw new ArgumentException($"{path}:{line + 1}:{column}: '{cells[i].Trim()}' is not a number (for {names[i]})");
                row[names[i]] = v;
                column += cells[i].Length + 1;
            }
            rows.Add(row);
        }
        if (rows.Count == 0) throw new ArgumentException($"{path}: no rows after the header");
        return rows;
    }
}
