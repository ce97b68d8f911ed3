using Verify.Claims.Checking;
using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Reports.Baselines;
using Verify.Symbolic.Text;

namespace Verify.Reports.Figures;

/// <summary>
/// For a refuted claim, the assertion that failed drawn through its counterexample: its two
/// sides (or the expression of a monotone or limit assertion) against the variable it is about —
/// the range variable of forall and monotone assertions, the limit's variable, else phi when the
/// sides move with it, else sE — with every other input held at the counterexample.
/// </summary>
public sealed class RefutedFigures(Sweep sweep, ClaimDocument claims)
{
    const int Points = 199;
    string _at = "counterexample";   // how the marker of the point drawn through is labelled

    public FigureData? For(ClaimRecord record)
    {
        var claim = claims.Claims.FirstOrDefault(c => c.Id == record.Id);
        var index = record.Details.ToList().FindIndex(d => d.StartsWith("refuted", StringComparison.Ordinal));
        if (claim is null || index < 0 || index >= claim.Assertions.Count) return null;
        try
        {
            var setting = new ClaimSetting(sweep.Evaluator, claim, record.Regime);
            // A refutation without a point (a limit that is another value) is drawn at the default point.
            var point = record.Counterexample?.ToDictionary(v => v.Name, v => v.Value) ?? DefaultPoint();
            return Draw(setting, claim.Assertions[index], point, record.Counterexample is null ? "default point" : "counterexample");
        }
        catch (Exception e) when (e is ClaimException or ArgumentException or ParseException or NumericFailure) { return null; }
    }

    FigureData? Draw(ClaimSetting s, Assertion a, Dictionary<string, double> point, string at)
    {
        _at = at;
        switch (a)
        {
            case ForAllAssertion f:
                return AlongVariable(s, point, f.Variable, f.Lower, f.Upper, Sides(s, f.Relation), $"{f.Relation} for {f.Variable} in ({f.Lower}, {f.Upper})");
            case MonotoneAssertion m:
                return AlongVariable(s, point, m.Variable, m.Lower, m.Upper, [(m.Expression.Text, Quantity(s, m.Expression))],
                    $"{m.Expression} {(m.Increasing ? "increasing" : "decreasing")} in {m.Variable}");
            case LimitAssertion l:
                var target = Quantity(s, l.Value);
                return AlongDrawn(s, point, l.Variable, Math.Max(1.05, point.GetValueOrDefault(l.Variable, 2) / 2), 50,
                    [(l.Expression.Text, Quantity(s, l.Expression)), ($"claimed limit {l.Value}", target)], $"{l.Expression} as {l.Variable} grows");
            case FormulaAssertion f:
                var sides = new[] { ($"derived {f.Derived}", Quantity(s, f.Derived)), ($"paper's {f.Paper}", Quantity(s, f.Paper)) };
                return AlongParameter(s, point, sides, $"{f.Derived}: derived and paper's formulas");
            case UniversalAssertion u:
                return AlongParameter(s, point, Sides(s, u.Relation), u.Relation.Text);
            case ExistsAssertion e:
                return AlongParameter(s, point, Sides(s, e.Relation), e.Relation.Text);
            default:
                return null;
        }
    }

    /// <summary>The report's default point (phi = 1/2) with the derived parameters' values (beta), which a claim's 'with' may draw instead.</summary>
    Dictionary<string, double> DefaultPoint()
    {
        var point = new Dictionary<string, double>(FigureCatalog.DefaultPoint) { ["phi"] = FigureCatalog.GainPhi };
        var model = sweep.Evaluator.Derivation.Context.Model;
        var values = model.Parameters.Where(p => point.ContainsKey(p.Symbol.Name))
            .ToDictionary(p => p.Symbol, p => point[p.Symbol.Name]);
        foreach (var d in model.Derived)
        {
            try { point[d.Symbol.Name] = Verify.Symbolic.Numbers.Evaluator.Evaluate(d.Definition, values); }
            catch (Verify.Symbolic.Numbers.EvaluationException) { }
        }
        return point;
    }

    static QuantityExpression Quantity(ClaimSetting s, MathText text)
    {
        var parsed = s.ParseExpression(text);
        return new QuantityExpression(s.Model, s.Regime, parsed.Expr, parsed.Aliases, s.Reparametrise);
    }

    static (string, QuantityExpression)[] Sides(ClaimSetting s, MathText relation)
    {
        var parsed = s.ParseRelation(relation);
        var r = parsed.Relation;
        // Aliases (abarS__entry) are printed as written (abarS@entry).
        string Text(Verify.Symbolic.Core.Expr e) => parsed.Aliases.Aggregate(PlainPrinter.Print(e), (t, a) => t.Replace(a.Key.Name, $"{a.Value.Name.Name}@{a.Value.Regime}"));
        return
        [
            ($"left: {Text(r.Left)}", new QuantityExpression(s.Model, s.Regime, r.Left, parsed.Aliases, s.Reparametrise)),
            ($"right: {Text(r.Right)}", new QuantityExpression(s.Model, s.Regime, r.Right, parsed.Aliases, s.Reparametrise)),
        ];
    }

    /// <summary>Against phi when either side moves with it at the counterexample, else against sE.</summary>
    FigureData? AlongParameter(ClaimSetting s, Dictionary<string, double> point, (string, QuantityExpression)[] sides, string title)
    {
        var phi = point.GetValueOrDefault("phi", 0.5);
        bool moves = sides.Any(x =>
            Sweep.At(x.Item2, Drawn(s, point, "phi", phi * 0.9)) is { } y1 && Sweep.At(x.Item2, Drawn(s, point, "phi", Math.Min(0.999, phi * 1.1))) is { } y2 && y1 != y2);
        return moves ? AlongDrawn(s, point, "phi", 0.005, 0.995, sides, title) : AlongDrawn(s, point, "sE", 0.5025, 0.9975, sides, title);
    }

    FigureData? AlongDrawn(ClaimSetting s, Dictionary<string, double> point, string x, double lo, double hi, (string Label, QuantityExpression Q)[] lines, string title)
    {
        var xs = Sweep.Grid(lo, hi, Points);
        var series = lines.Select(l => new Series(l.Label, Sweep.Along(l.Q, xs, v => Drawn(s, point, x, v)))).ToList();
        if (series.Count == 2 && Close(series[0], series[1]) is { } difference) series = [difference, new Series("0", xs.Select(v => (v, 0.0)).ToList(), Dashed: true)];
        var markers = point.TryGetValue(x, out var at) ? [new Marker(_at, at)] : new List<Marker>();
        var data = new FigureData(title, x, "value", series, markers);
        return data.IsEmpty ? null : data;
    }

    /// <summary>
    /// Two sides that differ by less than 5 % of their size look like one line: their difference
    /// (left - right) against zero shows where the relation fails. Null when they are apart.
    /// </summary>
    static Series? Close(Series left, Series right)
    {
        var rights = right.Points.ToDictionary(p => p.X, p => p.Y);
        var both = left.Points.Where(p => rights.ContainsKey(p.X)).Select(p => (p.X, L: p.Y, R: rights[p.X])).ToList();
        if (both.Count == 0) return null;
        var size = both.Max(p => Math.Max(Math.Abs(p.L), Math.Abs(p.R)));
        var gap = both.Max(p => Math.Abs(p.L - p.R));
        if (!(gap < 0.05 * size)) return null;
        return new Series($"{left.Label.Replace("left: ", "")} minus {right.Label.Replace("right: ", "")}", both.Select(p => (p.X, p.L - p.R)).ToList());
    }

    /// <summary>Along a range variable (a firm's cost a) between bounds evaluated at the counterexample.</summary>
    FigureData? AlongVariable(ClaimSetting s, Dictionary<string, double> point, string variable, MathText lower, MathText upper,
        (string Label, QuantityExpression Q)[] lines, string title)
    {
        var at = Drawn(s, point, null, 0);
        var lo = Sweep.At(Quantity(s, lower), at);
        var hi = Sweep.At(Quantity(s, upper), at);
        if (lo is null || hi is null || !(hi > lo)) return null;
        // The points the checker compared (a1, a2 for a monotone claim) or the one it found (a).
        var marks = point.Where(kv => kv.Key == variable || kv.Key.StartsWith(variable, StringComparison.Ordinal) && kv.Key[variable.Length..].All(char.IsAsciiDigit))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        double from = lo.Value, to = hi.Value;
        if (marks.Count > 0)
        {
            // Around the counterexample: near a = 0 the gain grows like a^(1-sigma) and would flatten the rest.
            double first = marks.Min(m => m.Value), last = marks.Max(m => m.Value);
            var width = Math.Max(last - first, 0.05 * (to - from));
            (from, to) = (Math.Max(from, first - 2 * width), Math.Min(to, last + 2 * width));
        }
        var step = (to - from) / (Points + 1);
        var xs = Sweep.Grid(from + step, to - step, Points);
        var index = s.Model.Inputs.ToList().FindIndex(i => i.Name == variable);
        if (index < 0 || at is null) return null;
        var series = lines.Select(l => new Series(l.Label, Sweep.Along(l.Q, xs, v => { var x = (double[])at.Clone(); x[index] = v; return x; }))).ToList();
        var markers = marks.Select(kv => new Marker(kv.Key, kv.Value)).ToList();
        var data = new FigureData(title, variable, "value", series, markers);
        return data.IsEmpty ? null : data;
    }

    /// <summary>The inputs at the counterexample with one drawn value replaced (through the claim's 'with', e.g. beta gives rho).</summary>
    static double[]? Drawn(ClaimSetting s, Dictionary<string, double> point, string? name, double value)
    {
        var symbols = s.Space.DrawnSymbols;
        var drawn = new double[symbols.Count];
        for (int i = 0; i < symbols.Count; i++)
        {
            var n = symbols[i].Name;
            if (n == name) drawn[i] = value;
            else if (point.TryGetValue(n, out var v)) drawn[i] = v;
            else return null;
        }
        var inputs = s.Space.Inputs(drawn);
        if (inputs is null) return null;
        // The model's variable (a) is not drawn: keep it from the point when the point has it.
        var model = s.Model.Inputs;
        for (int i = 0; i < model.Count; i++)
            if (double.IsNaN(inputs[i]) && point.TryGetValue(model[i].Name, out var v)) inputs[i] = v;
        return inputs;
    }
}
