using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;
using Verify.Symbolic.Text;

namespace Verify.Claims.Checking;

/// <summary>
/// assert formula e = paper's expression [up to a positive factor]: the derived formula is set
/// beside the paper's, in every phase that occurs in the claim's domain. Identical (the
/// difference simplifies to 0): proved. Otherwise their ratio is shown and, when it is proved
/// positive, so is that fact (a sign claim made with the paper's formula survives); the claim is
/// proved if a positive factor was allowed, refuted (with a point where they differ) if not.
/// </summary>
static class FormulaDecider
{
    public static AssertionOutcome Decide(ClaimSetting s, FormulaAssertion a, CheckOptions o)
    {
        var derived = s.Model.Expression(s, a.Derived);
        var paper = s.Model.Expression(s, a.Paper);
        var oracle = s.Model.Derivation.Context.Oracle;
        var shown = s.Model.Derivation.Context.Presenter;
        var notes = new List<string>();
        bool identical = true, positiveFactor = true;
        foreach (var phases in PhaseSampler.Observed(s, derived, o))
        {
            var d = derived.InPhases(phases);
            var p = paper.InPhases(phases.Take(paper.Regimes.Count).ToArray());
            var difference = Simplifier.Simplify(Expr.Sub(d, p), oracle);
            if (Identity.IsZero(difference, oracle, numeric: false).Status == ZeroStatus.Zero)
            {
                notes.Add($"derived {a.Derived} = {shown.Text(Simplifier.Simplify(d, oracle))}, identical to the paper's {a.Paper}");
                continue;
            }
            identical = false;
            // Sums the simplifier keeps apart may still be proportional once expanded: the ratio is then plain.
            var ratio = Rationals.CancelProportionalSums(Simplifier.Simplify(Expr.Div(d, p), oracle), oracle);
            var positive = oracle.SignOf(ratio).Within(SignSet.Positive);
            positiveFactor &= positive;
            notes.Add($"derived {a.Derived} = {shown.Text(Simplifier.Simplify(d, oracle))}; the paper's is {a.Paper}; derived/paper = {shown.Text(ratio)}" +
                      (positive ? " (proved positive: the paper's formula has the right sign)" : " (not proved positive)"));
        }
        var evidence = string.Join("; ", notes.Distinct());
        // No phase met in the claim's domain: nothing was compared, so nothing is proved.
        if (notes.Count == 0) return new(Verdict.Undecided, $"no phase of {s.Regime} could be evaluated in the claim's domain, so the formulas were never set side by side");
        if (identical) return new(Verdict.Proved, $"identity: {evidence}");
        if (a.UpToPositiveFactor && positiveFactor) return new(Verdict.Proved, $"equal up to a positive factor: {evidence}");
        if (a.UpToPositiveFactor)
        {
            // The ratio was not proved positive: is it positive at every draw?
            var ratioSearch = CounterexampleSearch.Run(s, (drawn, inputs) =>
            {
                if (derived.Evaluate(inputs) / paper.Evaluate(inputs) > 0) return true;
                // A sign that only rounding produced is no counterexample: the enclosures must exclude 0.
                if (Enclosure.Of(derived, inputs) is { } d && Enclosure.Of(paper, inputs) is { } p && (d.ContainsZero || p.ContainsZero || d.MayBeUndefined || p.MayBeUndefined))
                    throw new Verify.Derivation.Evaluation.NumericFailure("the sign of the formulas cannot be told apart from rounding here");
                return false;
            }, o.Draws, o.Seed);
            if (ratioSearch.Shrunk is null)
                return new(Verdict.Holds, $"the ratio derived/paper is positive at all {ratioSearch.Tested} draws (seed {ratioSearch.Seed}), not proved: {evidence}", null, ratioSearch.Tested);
            var at = s.Point(ratioSearch.Shrunk)!;
            return new(Verdict.Refuted, $"derived and paper's formulas differ in sign at a point: {derived.Evaluate(at):G6} vs {paper.Evaluate(at):G6}; {evidence}", s.Describe(ratioSearch.Shrunk, at), ratioSearch.Tested);
        }
        // Differ: show a point where they do. A threshold found numerically is known only to its accuracy.
        bool numeric = derived.InPhases([.. Enumerable.Repeat(0, derived.Regimes.Count)]).Any(n => n is Call c && NumericThreshold.IsNumericThreshold(c.Name));
        double tolerance = numeric ? NumericThreshold.Accuracy : 1e-9;
        var search = CounterexampleSearch.Run(s, (drawn, inputs) =>
        {
            double x = derived.Evaluate(inputs), y = paper.Evaluate(inputs);
            // A side that has no value here (NaN, overflow) shows no difference between the formulas.
            if (!double.IsFinite(x) || !double.IsFinite(y))
                throw new Verify.Derivation.Evaluation.NumericFailure("a formula has no finite value here");
            return Math.Abs(x - y) <= tolerance * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));
        }, o.Draws, o.Seed);
        var within = numeric ? $" by more than {NumericThreshold.Accuracy:G2} (relative), the accuracy of a threshold found numerically" : "";
        if (search.Shrunk is not { } bad) return new(Verdict.Undecided, $"not proved identical, and no point where they differ{within} in {search.Tested} draws: {evidence}");
        var inputs = s.Point(bad)!;
        var (dv, pv) = (derived.Evaluate(inputs), paper.Evaluate(inputs));
        var confirmed = "";
        if (numeric && o.ConfirmFromFirstPrinciples && ThresholdVariable(s, derived.InPhases([.. Enumerable.Repeat(0, derived.Regimes.Count)])) is { } variable)
        {
            // A threshold found numerically rests on the phase's implicit solves: the derived values where it is found
            // and where the paper puts it must both be those of the raw conditions, or the difference may be the solver's.
            // Where it is found, a millionth below it: inside the phase that ends there (at the meeting itself either phase
            // may be taken, and quantities written differently in each may differ).
            var index = s.Model.Inputs.ToList().IndexOf(variable);
            foreach (var at in new[] { dv * (1 - 1e-6), pv })
            {
                var point = (double[])inputs.Clone();
                point[index] = at;
                var c = FirstPrinciples.Confirm(s.Model, [s.Regime], point);
                if (!c.Confirmed)
                    return new(Verdict.Undecided, $"the formulas seem to differ (derived {dv:G6} vs paper {pv:G6}), but the derived values at {variable.Name} = {at:G6} are not confirmed: {c.Detail}; {evidence}", s.Describe(bad, inputs), search.Tested);
            }
            confirmed = $"; the derived values at both {variable.Name} are confirmed from first principles";
        }
        return new(Verdict.Refuted, $"the formulas differ: {evidence}; e.g. derived {dv:G6} vs paper {pv:G6} (seed {search.Seed}, shrunk){confirmed}", s.Describe(bad, inputs), search.Tested);
    }

    /// <summary>The variable of the regime's threshold found numerically that the expression calls, if any.</summary>
    static Symbol? ThresholdVariable(ClaimSetting s, Expr e)
    {
        if (s.Model.Derivation.Regime(s.Regime) is not { } regime) return null;
        return regime.Thresholds
            .Where(t => t.Value is null && e.Any(n => n is Call c && c.Name == NumericThreshold.FunctionName(regime, t)))
            .Select(t => t.Threshold.For).FirstOrDefault();
    }
}
