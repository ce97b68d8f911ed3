using Verify.Model.Language;
using Verify.Reports.Baselines;
using Verify.Reports.Content;

namespace Verify.Reports;

/// <summary>Everything a report shows, before it is written as Markdown or LaTeX.</summary>
public sealed record ReportContent(
    ModelDocument Model,
    Baseline Baseline,
    IReadOnlyList<PageView> Pages,
    IReadOnlyList<FigureRef> Figures,
    string FigurePoint,
    string Command);

/// <summary>One file of a report, by its path relative to the report's folder ('/' separated).</summary>
public sealed record ReportFile(string Path, byte[] Bytes)
{
    public static ReportFile Text(string path, string text) => new(path, System.Text.Encoding.UTF8.GetBytes(text));

    public string AsText() => System.Text.Encoding.UTF8.GetString(Bytes);

    public bool IsImage => Path.EndsWith(".png", StringComparison.Ordinal);
}
