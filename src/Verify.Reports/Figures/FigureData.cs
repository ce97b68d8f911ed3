using System.Globalization;
using System.Text;

namespace Verify.Reports.Figures;

/// <summary>One line of a figure: its points (x ascending; a gap where the model could not be evaluated).</summary>
/// <summary>Colour is an index into the palette (-1: the series' position).</summary>
public sealed record Series(string Label, IReadOnlyList<(double X, double Y)> Points, bool Dashed = false, int Colour = -1);

/// <summary>A vertical line marking a value of x (a threshold, a counterexample).</summary>
public sealed record Marker(string Label, double X);

/// <summary>
/// What a figure shows, as numbers rounded to 6 significant digits: the PNG is drawn from these,
/// and these (not the PNG's bytes, which depend on the fonts of the machine) are what the
/// regression test compares.
/// </summary>
public sealed record FigureData(string Title, string XLabel, string YLabel, IReadOnlyList<Series> Series, IReadOnlyList<Marker> Markers)
{
    /// <summary>Lines of the legend that are not series (a threshold beyond the plotted range).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public static double Round(double v) => double.Parse(v.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public FigureData Rounded() => this with
    {
        Series = Series.Select(s => s with { Points = s.Points.Select(p => (Round(p.X), Round(p.Y))).ToList() }).ToList(),
        Markers = Markers.Select(m => m with { X = Round(m.X) }).ToList(),
    };

    public bool IsEmpty => Series.All(s => s.Points.Count == 0);

    /// <summary>The data as JSON, written by hand so that the bytes depend on nothing but the numbers.</summary>
    public string ToJson()
    {
        var sb = new StringBuilder();
        sb.Append("{\n");
        sb.Append($"  \"title\": {Quote(Title)},\n  \"x\": {Quote(XLabel)},\n  \"y\": {Quote(YLabel)},\n");
        if (Notes.Count > 0) sb.Append($"  \"notes\": [{string.Join(", ", Notes.Select(Quote))}],\n");
        sb.Append("  \"markers\": [");
        sb.Append(string.Join(", ", Markers.Select(m => $"{{\"label\": {Quote(m.Label)}, \"x\": {Num(m.X)}}}")));
        sb.Append("],\n  \"series\": [\n");
        sb.Append(string.Join(",\n", Series.Select(s =>
            $"    {{\"label\": {Quote(s.Label)}, \"dashed\": {(s.Dashed ? "true" : "false")}, \"points\": [{string.Join(", ", s.Points.Select(p => $"[{Num(p.X)}, {Num(p.Y)}]"))}]}}")));
        sb.Append("\n  ]\n}\n");
        return sb.ToString();
    }

    // JSON has no literal for NaN or infinity: a point that could not be evaluated is null.
    static string Num(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "null";

    static string Quote(string s)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in s)
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '"' => "\\\"",
                < ' ' => $"\\u{(int)c:x4}",   // a label from a model file may hold a tab or a control character
                _ => c.ToString(),
            });
        return sb.Append('"').ToString();
    }
}
