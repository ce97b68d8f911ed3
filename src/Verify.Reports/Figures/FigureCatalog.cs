using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Model.Language;
using Verify.Reports.Baselines;
using Verify.Reports.Content;
using Verify.Symbolic.Text;

namespace Verify.Reports.Figures;

/// <summary>A figure drawn: where it goes, the claims whose pages show it, the PNG and its data.</summary>
/// <summary>OnPage: a figure of the whole page (the standard ones); otherwise it belongs to its claim (a refuted claim's).</summary>
public sealed record RenderedFigure(FigureRef Ref, IReadOnlyList<string> Claims, byte[] Png, string DataJson, bool OnPage);

/// <summary>
/// The report's figures: the cut-offs, averages and welfare against phi and the relocation gain
/// against a, at a stated default point, and one figure per refuted claim showing where it fails.
/// A figure the model cannot draw (a regime or name it lacks, a parameter without a default) is left out.
/// </summary>
public sealed class FigureCatalog(ModelEvaluator evaluator, ClaimDocument claims, Baseline baseline, IReadOnlyList<ClaimGroups.Group> groups)
{
    /// <summary>The default point: admissible, since beta = rho/(sigma - 1) = 2 and (beta - 1)*fI = 0.2 &lt; f = 1.</summary>
    public static readonly IReadOnlyDictionary<string, double> DefaultPoint = new Dictionary<string, double>
    {
        ["sigma"] = 3, ["rho"] = 4, ["sE"] = 0.6, ["f"] = 1, ["fI"] = 0.2,
    };

    public const string DefaultPointText = "sigma=3, rho=4, sE=0.6, f=1, fI=0.2";
    public const double GainPhi = 0.5;
    const double GainFrom = 0.3;
    const int Points = 199;

    readonly Sweep _sweep = new(evaluator);

    static readonly IReadOnlyList<FigureSpec> Standard =
    [
        new("figures/cutoffs-relocation.png", "Cut-offs under instantaneous relocation", "cut-off (unit labour input)",
            [new("relocation", "aD", "aD"), new("relocation", "aX", "aX"), new("relocation", "aR", "aR")],
            [new("relocation", "phiP", "phiP"), new("relocation", "phiS", "phiS")], ["R3."]),
        new("figures/cutoffs-relocation-entry.png", "Cut-offs under relocation, then entry and exit", "cut-off (unit labour input)",
            [new("relocation-entry", "aD", "aD"), new("relocation-entry", "aX", "aX"), new("relocation-entry", "aR", "aR")],
            [new("relocation-entry", "phiP", "phiP"), new("relocation-entry", "phiS", "phiS")], ["R3."]),
        new("figures/averages.png", "Production-weighted average unit input", "average unit input",
            [new("relocation-entry", "abarN", "abarN, relocation-entry", Colour: 0), new("relocation-entry", "abarS", "abarS, relocation-entry", Colour: 1),
             new("entry", "abarN", "abarN, entry", Dashed: true, Colour: 0), new("entry", "abarS", "abarS, entry", Dashed: true, Colour: 1)],
            [new("relocation-entry", "phiP", "phiP"), new("relocation-entry", "phiS", "phiS")], ["R5.", "FN11."]),
        new("figures/welfare.png", "Small nation's welfare index Wstar", "Wstar = ln(nw mbar*)",
            [new("relocation-entry", "Wstar", "Wstar, relocation-entry", Colour: 0), new("entry", "Wstar", "Wstar, entry", Dashed: true, Colour: 1)],
            [new("relocation-entry", "phiS", "phiS")], ["R6.", "R7."]),
    ];

    public IReadOnlyList<RenderedFigure> Render()
    {
        var figures = new List<RenderedFigure>();
        foreach (var spec in Standard)
            if (Standard_(spec) is { } data) figures.Add(Rendered(spec.File, Caption(data, DefaultPointText), ClaimsWith(spec.ClaimPrefixes), data, onPage: true));
        if (Gain() is { } gain) figures.Add(Rendered("figures/gain-onset.png", Caption(gain, $"{DefaultPointText}, phi={GainPhi}"), ClaimsWith(["R2."]), gain, onPage: true));
        // The general case: paths with and without relocation (regimes general and slow-entry).
        foreach (var (file, data) in PathFigures.Build(evaluator.Derivation.Context.Model))
            figures.Add(Rendered(file, Caption(data, PathFigures.PointText), ClaimsWith(["R7.general"]), data, onPage: true));
        var refuted = new RefutedFigures(_sweep, claims);
        var model = evaluator.Derivation.Context.Model;
        foreach (var c in baseline.Claims.Where(c => c.Verdict == "refuted"))
            if ((model.Dynamics.Any(d => d.Name == c.Regime) ? PathThrough(model, c) : refuted.For(c)) is { } data)
                figures.Add(Rendered($"figures/refuted-{Slug(c.Key)}.png",
                    $"Where {c.Key} fails: {data.Title}" + (c.Counterexample is { Count: > 0 } ? ", through its counterexample" : $", at {DefaultPointText}, phi={GainPhi}"),
                    [c.Id], data, onPage: false));
        return figures;
    }

    /// <summary>A refuted claim over paths: W* along each dynamic regime's path, through its counterexample.</summary>
    static FigureData? PathThrough(ModelDocument model, ClaimRecord c) =>
        c.Counterexample is { Count: > 0 } point ? PathFigures.Through(model, point.ToDictionary(v => v.Name, v => v.Value), "Wstar") : null;

    static string Caption(FigureData data, string point) =>
        $"{data.Title}, at {point}" + (data.Notes.Count == 0 ? "" : $" ({string.Join("; ", data.Notes)})");

    IReadOnlyList<string> ClaimsWith(IReadOnlyList<string> prefixes) =>
        groups.SelectMany(g => g.Claims).Select(c => c.Id).Where(id => prefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal))).ToList();

    static RenderedFigure Rendered(string file, string caption, IReadOnlyList<string> claimIds, FigureData data, bool onPage)
    {
        var rounded = data.Rounded();
        return new RenderedFigure(new FigureRef(file, caption), claimIds, FigureRenderer.Png(rounded), rounded.ToJson(), onPage);
    }

    static string Slug(string s) => new(s.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    FigureData? Standard_(FigureSpec spec)
    {
        try
        {
            var xs = Sweep.Grid(0.005, 0.995, Points);
            var series = spec.Lines.Select(l => new Series(l.Label,
                Sweep.Along(_sweep.Expression(l.Regime, l.Expression), xs, x => _sweep.Inputs(DefaultPoint, "phi", x)), l.Dashed, l.Colour)).ToList();
            var values = spec.Markers
                .Select(m => (m.Label, Value: Sweep.At(_sweep.Expression(m.Regime, m.Expression), _sweep.Inputs(DefaultPoint, "phi", 0.5)))).ToList();
            var markers = values.Where(m => m.Value is > 0 and < 1).Select(m => new Marker(m.Label, m.Value!.Value)).ToList();
            // A threshold beyond free trade (phiS > 1 with entry frozen) cannot be marked: the legend says where it is.
            var outside = values.Where(m => m.Value is { } v && !(v > 0 && v < 1)).Select(m => $"{m.Label} = {FigureData.Round(m.Value!.Value).ToString(System.Globalization.CultureInfo.InvariantCulture)}").ToList();
            var data = new FigureData(spec.Title, "phi (free-ness of trade)", spec.YLabel, series, markers)
            {
                Notes = outside.Select(o => $"{o}: beyond phi = 1, not marked").ToList(),
            };
            return data.IsEmpty ? null : data;
        }
        catch (Exception e) when (e is ArgumentException or ParseException) { return null; }
    }

    /// <summary>The gain from moving North against a at the onset of relocation, with the export cut-offs marked.</summary>
    FigureData? Gain()
    {
        try
        {
            var point = new Dictionary<string, double>(DefaultPoint) { ["phi"] = GainPhi };
            var aD = Sweep.At(_sweep.Expression("onset", "aD"), _sweep.Inputs(point, "phi", GainPhi));
            if (aD is null) return null;
            // From 0.3 aD: below it the gain grows like a^(1-sigma) and would flatten the region where firms sort.
            var xs = Sweep.Grid(GainFrom * aD.Value, aD.Value, Points);
            var gain = Sweep.Along(_sweep.Expression("onset", "gain"), xs, a => _sweep.Inputs(point, "a", a));
            var markers = new[] { ("aX", "aX"), ("aXstar", "aXstar"), ("aD", "aD") }
                .Select(m => (m.Item1, Value: Sweep.At(_sweep.Expression("onset", m.Item2), _sweep.Inputs(point, "a", aD.Value / 2))))
                .Where(m => m.Value is not null).Select(m => new Marker(m.Item1, m.Value!.Value)).ToList();
            var data = new FigureData("Gain from moving North at the onset of relocation", $"a (a firm's unit labour input), from {GainFrom} aD", "gain vN(a) - vS(a)",
                [new Series("gain", gain)], markers);
            return data.IsEmpty ? null : data;
        }
        catch (Exception e) when (e is ArgumentException or ParseException) { return null; }
    }
}
