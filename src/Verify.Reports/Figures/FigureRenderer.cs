using ScottPlot;

namespace Verify.Reports.Figures;

/// <summary>
/// Draws a figure's data with ScottPlot as a PNG: lines without markers (broken where points are
/// missing), dashed lines for a second regime, vertical dotted lines for markers, axis labels,
/// a title and a legend; sized to be read at 100 %.
/// </summary>
public static class FigureRenderer
{
    const int Width = 900, Height = 560;

    static readonly Color[] Colours =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#d62728"), Color.FromHex("#2ca02c"),
        Color.FromHex("#9467bd"), Color.FromHex("#ff7f0e"), Color.FromHex("#8c564b"),
    ];

    public static byte[] Png(FigureData data)
    {
        var plot = new Plot();
        plot.Title(data.Title, size: 18);
        plot.XLabel(data.XLabel, size: 16);
        plot.YLabel(data.YLabel, size: 16);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.Left.TickLabelStyle.FontSize = 14;
        for (int i = 0; i < data.Series.Count; i++)
        {
            var s = data.Series[i];
            var colour = Colours[(s.Colour >= 0 ? s.Colour : i) % Colours.Length];
            var first = true;
            foreach (var segment in Segments(s.Points))
            {
                var line = plot.Add.ScatterLine(segment.Select(p => p.X).ToArray(), segment.Select(p => p.Y).ToArray(), colour);
                line.LineWidth = 2.5f;
                if (s.Dashed) line.LinePattern = LinePattern.Dashed;
                if (first) line.LegendText = s.Label;
                first = false;
            }
        }
        for (int i = 0; i < data.Markers.Count; i++)
        {
            var m = data.Markers[i];
            var v = plot.Add.VerticalLine(m.X, 1.5f, Colors.Gray, LinePattern.Dotted);
            v.Text = m.Label;
            v.LabelFontSize = 14;
            v.LabelOppositeAxis = i % 2 == 0;   // alternately top and bottom, so that close markers stay legible
        }
        if (YLimits(data) is { } y) plot.Axes.SetLimitsY(y.Lo, y.Hi);
        foreach (var note in data.Notes) plot.Legend.ManualItems.Add(new LegendItem { LabelText = note });
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.FontSize = 14;
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    /// <summary>
    /// Limits that leave out a blow-up (the gain as a goes to 0 grows like a^(1-sigma)): when the
    /// extreme values dwarf the bulk, the axis spans the 5th to 95th percentile, padded.
    /// </summary>
    static (double Lo, double Hi)? YLimits(FigureData data)
    {
        var ys = data.Series.SelectMany(s => s.Points.Select(p => p.Y)).Order().ToList();
        if (ys.Count < 20) return null;
        double lo = ys[ys.Count / 20], hi = ys[ys.Count - 1 - ys.Count / 20];
        var bulk = Math.Max(hi - lo, 1e-12);
        if (ys[^1] - ys[0] < 10 * bulk) return null;
        return (lo - 0.15 * bulk, hi + 0.15 * bulk);
    }

    /// <summary>Runs of consecutive points with no missing x between them (a gap where evaluation failed).</summary>
    static IEnumerable<List<(double X, double Y)>> Segments(IReadOnlyList<(double X, double Y)> points)
    {
        if (points.Count == 0) yield break;
        var gaps = points.Zip(points.Skip(1), (a, b) => b.X - a.X).ToList();
        var step = gaps.Count == 0 ? 0 : gaps.Min();
        var run = new List<(double, double)> { points[0] };
        for (int i = 1; i < points.Count; i++)
        {
            if (points[i].X - points[i - 1].X > 1.5 * step) { yield return run; run = []; }
            run.Add(points[i]);
        }
        yield return run;
    }
}
