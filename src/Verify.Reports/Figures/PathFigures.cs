using Verify.Derivation.Dynamics;
using Verify.Derivation.Evaluation;
using Verify.Model.Language;

namespace Verify.Reports.Figures;

/// <summary>
/// The paths of the model's dynamic regimes against t, one figure per series (s_n, a_R, n^w, W*),
/// each regime a line, at the report's default point with phi = 0.5 and every adjustment cost equal
/// to f_I. The time axis runs until the series has settled on every path, thinned to at most 400 points.
/// </summary>
public static class PathFigures
{
    public static readonly IReadOnlyList<(string Series, string Title, string YLabel)> Shown =
    [
        ("sn", "North's share of firms sn along the path", "sn"),
        ("aR", "Relocation threshold aR along the path", "aR"),
        ("nw", "World mass of firms nw along the path", "nw"),
        ("Wstar", "Small nation's welfare Wstar along the path", "Wstar"),
    ];

    public const string PointText = "sigma=3, rho=4, sE=0.6, f=1, fI=0.2, phi=0.5, gammaR=gammaE=fI";

    /// <summary>File name and data of each figure; none when the model has no dynamic regime or a path fails.</summary>
    public static IReadOnlyList<(string File, FigureData Data)> Build(ModelDocument model)
    {
        var point = new Dictionary<string, double>(FigureCatalog.DefaultPoint) { ["phi"] = 0.5 };
        return Paths(model, point, Shown);
    }

    /// <summary>
    /// The paths of one series through a point (a refuted path claim's counterexample): every dynamic
    /// regime a line; an adjustment cost the point does not give is f_I. Null when a path fails.
    /// </summary>
    public static FigureData? Through(ModelDocument model, IReadOnlyDictionary<string, double> point, string series)
    {
        var shown = Shown.Where(s => s.Series == series).ToList();
        return shown.Count == 0 ? null : Paths(model, point, shown).Select(f => f.Data).FirstOrDefault();
    }

    static IReadOnlyList<(string File, FigureData Data)> Paths(ModelDocument model, IReadOnlyDictionary<string, double> at,
        IReadOnlyList<(string Series, string Title, string YLabel)> shown)
    {
        if (model.Dynamics.Count == 0) return [];
        var paths = new List<SimulationResult>();
        try
        {
            foreach (var regime in model.Dynamics)
            {
                // Only the names the regime reads: a claim's point also holds its discount rate.
                var point = at.Where(kv => model.Parameters.Any(p => p.Symbol.Name == kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value);
                foreach (var p in regime.Parameters) point[p.Symbol.Name] = at.TryGetValue(p.Symbol.Name, out var v) ? v : point["fI"];
                paths.Add(new DynamicSimulator(model, regime).Run(point));
            }
        }
        catch (Exception e) when (e is NumericFailure or ArgumentException or KeyNotFoundException) { return []; }
        var figures = new List<(string, FigureData)>();
        foreach (var (series, title, yLabel) in shown)
        {
            // Up to where the series has settled on every path (half as long again), not to the end of the slowest path's steady-state test.
            var end = paths.Where(p => p.Series.ContainsKey(series)).Select(p => Settled(p.Times, p.Series[series])).DefaultIfEmpty(1).Max() * 1.5;
            var lines = paths.Where(p => p.Series.ContainsKey(series)).Select((p, k) =>
                new Series(p.Regime, Thin(p.Times, p.Series[series], end), Dashed: k > 0, Colour: k)).ToList();
            if (lines.Count == 0) continue;
            figures.Add(($"figures/path-{series.ToLowerInvariant()}.png", new FigureData(title, "t (time since trade opened)", yLabel, lines, [])));
        }
        return figures;
    }

    /// <summary>The first time after which the values stay within a millionth of their last.</summary>
    static double Settled(IReadOnlyList<double> t, IReadOnlyList<double> y)
    {
        var last = y[^1];
        var k = y.Count - 1;
        while (k > 0 && Math.Abs(y[k - 1] - last) <= 1e-6 * Math.Max(1, Math.Abs(last))) k--;
        return Math.Max(t[k], t[^1] * 1e-6);
    }

    /// <summary>At most 400 points, evenly spaced in t up to <paramref name="end"/>, each the path's last value at or before it (held after the path's own end).</summary>
    static IReadOnlyList<(double X, double Y)> Thin(IReadOnlyList<double> t, IReadOnlyList<double> y, double end)
    {
        var points = new List<(double, double)>();
        int k = 0;
        for (int i = 0; i <= 400; i++)
        {
            var at = end * i / 400;
            while (k + 1 < t.Count && t[k + 1] <= at) k++;
            points.Add((at, y[k]));
        }
        return points;
    }
}
