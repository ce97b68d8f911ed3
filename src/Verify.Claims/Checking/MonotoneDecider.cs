using Verify.Model.Claims;

namespace Verify.Claims.Checking;

/// <summary>
/// assert decreasing|increasing e in x over (lo, hi) [where cond] — at each parameter point, e
/// must move strictly the stated way between every two neighbouring grid values of x where cond
/// holds at both. Works for expressions with kinks (max), where a derivative would not.
/// </summary>
static class MonotoneDecider
{
    public static AssertionOutcome Decide(ClaimSetting s, MonotoneAssertion a, CheckOptions o)
    {
        var variable = ForAllDecider.VariableIndex(s, a.Variable, a.Span);
        var lower = s.Model.Expression(s, a.Lower);
        var upper = s.Model.Expression(s, a.Upper);
        var condition = a.Condition is null ? null : RelationCheck.Create(s.Model, s.Regime, s.ParseRelation(a.Condition), s.Reparametrise);
        var parsed = s.ParseExpression(a.Expression);
        var f = new Verify.Derivation.Evaluation.QuantityExpression(s.Model, s.Regime, parsed.Expr, parsed.Aliases, s.Reparametrise);
        (double X1, double F1, double X2, double F2)? bad = null;
        bool Holds(double[] drawn, double[] inputs)
        {
            double lo = lower.Evaluate(inputs), hi = upper.Evaluate(inputs);
            double? px = null, pf = null;
            foreach (var x in VariableGrid.Over(lo, hi))
            {
                inputs[variable] = x;
                if (condition is not null && !condition.Holds(inputs, out _, out _)) { px = null; continue; }
                var fx = f.Evaluate(inputs);
                if (!double.IsFinite(fx)) throw new Verify.Derivation.Evaluation.NumericFailure($"{a.Expression} is not finite at {a.Variable} = {x}");
                if (px is { } x0 && pf is { } f0)
                {
                    var tol = RelationCheck.Tolerance * Math.Max(1, Math.Max(Math.Abs(f0), Math.Abs(fx)));
                    var moved = a.Increasing ? fx - f0 : f0 - fx;
                    if (!(moved > tol)) { bad = (x0, f0, x, fx); return false; }
                }
                px = x; pf = fx;
            }
            return true;
        }
        var search = CounterexampleSearch.Run(s, Holds, o.Draws, o.Seed, UniversalDecider.Confirmer(s, f.Regimes, o));
        var label = $"{(a.Increasing ? "increasing" : "decreasing")} {a.Expression} in {a.Variable}";
        if (search.Shrunk is not { } shrunk)
            return new(Verdict.Holds, $"{label}: no counterexample in {search.Tested} draws x {VariableGrid.Size} values of {a.Variable} (seed {search.Seed})", null, search.Tested);
        var inputs = s.Point(shrunk)!;
        Holds(shrunk, (double[])inputs.Clone());
        var (x1, f1, x2, f2) = bad!.Value;
        var point = s.Describe(shrunk, inputs);
        point[$"{a.Variable}1"] = x1;
        point[$"{a.Variable}2"] = x2;
        inputs[variable] = x1;
        var confirmation = o.ConfirmFromFirstPrinciples ? FirstPrinciples.Confirm(s.Model, f.Regimes, inputs) : null;
        return new(confirmation is { Confirmed: false } ? Verdict.Undecided : Verdict.Refuted,
            $"counterexample (seed {search.Seed}, shrunk): {a.Expression} is {f1:G6} at {a.Variable} = {x1:G6} and {f2:G6} at {a.Variable} = {x2:G6}, not {(a.Increasing ? "increasing" : "decreasing")}{(confirmation is null ? "" : "; " + confirmation.Detail)}",
            point, search.Tested);
    }
}
