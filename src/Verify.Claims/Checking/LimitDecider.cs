using Verify.Model.Claims;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Text;

namespace Verify.Claims.Checking;

/// <summary>
/// assert limit e as x -> inf = value: symbolically, x = 1/t and t = 0 substituted into the
/// closed form (valid where the expression is continuous in t at 0, which the numeric check
/// along x = 1e2, 1e4, 1e6, 1e8 at random points of the domain then supports); the claim is
/// proved when that limit is identical to the stated value and refuted, with the limit's
/// formula and a point, when it is not.
/// </summary>
static class LimitDecider
{
    static double[]? FirstPoint(ClaimSetting s)
    {
        double[]? found = null;
        CounterexampleSearch.Run(s, (drawn, inputs) => { found ??= (double[])drawn.Clone(); return true; }, 1, 7);
        return found;
    }

    public static AssertionOutcome Decide(ClaimSetting s, LimitAssertion a, CheckOptions o)
    {
        var e = s.Model.Expression(s, a.Expression);
        var target = s.Model.Expression(s, a.Value);
        var index = s.Space.DrawnSymbols.ToList().FindIndex(x => x.Name == a.Variable);
        if (index < 0) throw new ClaimException(a.Span, $"'{a.Variable}' is not drawn in this claim (reparametrise with 'with' so that it is)");
        var x = s.Space.DrawnSymbols[index];
        var oracle = s.Model.Derivation.Context.Oracle;
        var t = Expr.Sym("t_", SymbolSign.Positive);
        var limits = new List<string>();
        Expr? lastLimit = null, lastTarget = null;
        bool? equal = null;
        foreach (var phases in PhaseSampler.Observed(s, e, o))
        {
            // Back from rho to beta (the reparametrisation), then beta = 1/t, t -> 0.
            var closed = e.InPhases(phases).Substitute(s.Reparametrise, oracle);
            closed = Simplifier.Simplify(closed, oracle);
            var inT = Simplifier.Simplify(closed.Substitute(x, Expr.Div(Expr.One, t), oracle), oracle);
            var limit = Simplifier.Simplify(inT.Substitute(t, Expr.Zero, oracle), oracle);
            if (limit.Contains(t) || limit.Contains(x) || limit.Any(n => n is Call)) { equal = null; limits.Add($"no symbolic limit in phase {string.Join("/", phases)}"); break; }
            var value = target.InPhases(phases.Take(target.Regimes.Count).ToArray());
            var same = Identity.IsZero(Simplifier.Simplify(Expr.Sub(limit, value), oracle), oracle, numeric: false).Status == ZeroStatus.Zero;
            (lastLimit, lastTarget) = (limit, value);
            equal = (equal ?? true) && same;
            var note = $"{a.Expression} -> {PlainPrinter.Print(limit)} as {a.Variable} -> inf";
            if (!limits.Contains(note)) limits.Add(note);
        }
        // Numeric check along the sequence at random points: the gap to the stated value must shrink as the
        // variable grows a hundredfold (as far out as the domain allows; a constraint may cap it).
        double worst = 0; double[]? worstDrawn = null;
        int measured = 0;
        double largest = 0;
        var search = CounterexampleSearch.Run(s, (drawn, inputs) =>
        {
            double? Gap(double big)
            {
                var far = (double[])drawn.Clone();
                far[index] = big;
                if (s.Space.Inputs(far) is not { } at) return null;
                return Math.Abs(e.Evaluate(at) - target.Evaluate(at)) / Math.Max(1, Math.Abs(target.Evaluate(at)));
            }
            foreach (var big in new[] { 1e8, 1e6, 1e4 })
            {
                if (Gap(big) is not { } far || Gap(big / 100) is not { } near) continue;
                measured++;
                largest = Math.Max(largest, big);
                if (far > worst) { worst = far; worstDrawn = (double[])drawn.Clone(); }
                return far < 1e-12 || far < near;
            }
            return true;
        }, Math.Min(o.Draws, 2000), o.Seed);
        var symbolic = string.Join("; ", limits);
        var numeric = measured == 0
            ? $"no numeric check: large {a.Variable} leaves the domain at every draw"
            : $"the gap to it shrinks as {a.Variable} grows a hundredfold at all {measured} draws (up to {a.Variable} = {largest:G2}, largest gap {worst:E1})";
        if (equal == true && search.Shrunk is null)
            return new(Verdict.Proved, $"{symbolic}, as stated (the closed form is continuous at {a.Variable} = infinity); {numeric}", null, search.Tested);
        if (equal == false || search.Shrunk is not null)
        {
            // Show the limit at a point: the first admissible draw, with the variable large.
            // Show the limit at a point of the domain: the symbolic limit evaluated at its other parameters.
            var shown = search.Shrunk ?? worstDrawn ?? FirstPoint(s);
            string numbers = "";
            Dictionary<string, double>? point = null;
            if (shown is not null && s.Point((double[])shown.Clone()) is { } at && lastLimit is not null && lastTarget is not null)
            {
                point = s.Describe(shown, at);
                point.Remove(a.Variable);
                var values = s.Model.Inputs.Select((sym, i) => (sym, at[i])).Where(t => !double.IsNaN(t.Item2)).ToDictionary(t => t.sym, t => t.Item2);
                double lv = Evaluator.Evaluate(lastLimit.Substitute(s.Model.DerivedParameters), values), tv = Evaluator.Evaluate(lastTarget.Substitute(s.Model.DerivedParameters), values);
                point[$"limit of {a.Expression}"] = lv;
                numbers = $"; e.g. at {string.Join(", ", point.Where(kv => !kv.Key.StartsWith("limit")).Select(kv => $"{kv.Key}={kv.Value:G4}"))} the limit is {lv:G6}, not {tv:G6}";
            }
            return new(Verdict.Refuted, $"{symbolic}, not {a.Value}{numbers}", point, search.Tested);
        }
        return new(measured > 0 ? Verdict.Holds : Verdict.Undecided, $"no symbolic limit; {numeric}", null, search.Tested);
    }
}
