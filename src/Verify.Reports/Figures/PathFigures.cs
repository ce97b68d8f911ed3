using Verify.Derivation.Dynamics;
using Verify.Derivation.Evaluation;
using Verify.Model.Language;

namespace Verify.Reports.Figures;

/// <summary>
/// The paths of the model's dynamic regimes against t, one figure per series (s_n, a_R, n^w, W*),
/// each regime a line, at the report's default point with phi = 0.5 and every adjustment cost equal
/// to f_I. The time axis runs to the slowest regime's steady state, thinned to at most 400 points.
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
        if (model.Dynamics.Count == 0) return [];
        var paths = new List<SimulationResult>();
        try
        {
            foreach (var regime in model.Dynamics)
            {
                var point = new Dictionary<string, double>(FigureCatalog.DefaultPoint) { ["phi"] = 0.5 };
                foreach (var p in regime.Parameters) point[p.Symbol.Name] = point["fI"];
                paths.Add(new DynamicSimulator(model, regime).Run(point));
            }
        }
        catch (Exception e) when (e is NumericFailure or ArgumentException or KeyNotFoundException) { return []; }
        var end = paths.Max(p => p.Times[^1]);
        var figures = new List<(string, FigureData)>();
        foreach (var (series, title, yLabel) in Shown)
        {
            var lines = paths.Where(p => p.Series.ContainsKey(series)).Select((p, k) =>
                new Series(p.Regime, Thin(p.Times, p.Series[series], end), Dashed: k > 0, Colour: k)).ToList();
            if (lines.Count == 0) continue;
            figures.Add(($"figures/path-{series.ToLowerInvariant()}.png", new FigureData(title, "t (time since trade opened)", yLabel, lines, [])));
        }
        return figures;
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
