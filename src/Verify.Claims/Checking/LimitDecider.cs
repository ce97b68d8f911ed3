using Verify.Model.Claims;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;
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
            equal = (equal ?? true) && same;
            var note = $"{a.Expression} -> {PlainPrinter.Print(limit)} as {a.Variable} -> inf";
            if (!limits.Contains(note)) limits.Add(note);
        }
        // Numeric check along the sequence at random points.
        double worst = 0; double[]? worstDrawn = null; double worstValue = 0, worstTarget = 0;
        var search = CounterexampleSearch.Run(s, (drawn, inputs) =>
        {
            var far = (double[])drawn.Clone();
            far[index] = 1e8;
            var at = s.Space.Inputs(far);
            if (at is null) return true;
            double v = e.Evaluate(at), g = target.Evaluate(at);
            var gap = Math.Abs(v - g) / Math.Max(1, Math.Abs(g));
            if (gap > worst) { worst = gap; worstDrawn = far; worstValue = v; worstTarget = g; }
            return gap <= 1e-6;
        }, Math.Min(o.Draws, 2000), o.Seed);
        var symbolic = string.Join("; ", limits);
        if (equal == true && search.Shrunk is null)
            return new(Verdict.Proved, $"{symbolic}, as stated; at {a.Variable} = 1e8 the value is within {worst:E1} of it in {search.Tested} draws", null, search.Tested);
        if (equal == false || search.Shrunk is not null)
        {
            // Show the limit at a point: the first admissible draw, with the variable large.
            var shown = search.Shrunk ?? worstDrawn ?? FirstPoint(s);
            string numbers = "";
            Dictionary<string, double>? point = null;
            if (shown is not null)
            {
                var far = (double[])shown.Clone();
                far[index] = 1e8;
                if (s.Space.Inputs(far) is { } at)
                {
                    numbers = $"; e.g. at {a.Variable} = 1e8 the value is {e.Evaluate(at):G6}, not {target.Evaluate(at):G6}";
                    point = s.Describe(far, at);
                }
            }
            return new(Verdict.Refuted, $"{symbolic}, not {a.Value}{numbers}", point, search.Tested);
        }
        return new(Verdict.Holds, $"no symbolic limit; at {a.Variable} = 1e8 within {worst:E1} of {a.Value} in {search.Tested} draws", null, search.Tested);
    }
}
