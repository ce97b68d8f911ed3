using Verify.Model.Claims;

namespace Verify.Claims.Checking;

/// <summary>
/// assert L op R over the claim's domain: a symbolic proof is tried first; the domain is searched
/// for a counterexample in any case (a proof and a counterexample together would be a bug, and
/// are reported as undecided).
/// </summary>
static class UniversalDecider
{
    public static AssertionOutcome Decide(ClaimSetting s, UniversalAssertion a, CheckOptions o)
    {
        var relation = RelationCheck.Create(s.Model, s.Regime, s.ParseRelation(a.Relation), s.Reparametrise);
        var proof = SymbolicProof.Try(s, relation, store: o.Proofs);
        var regimes = relation.Left.Regimes.Concat(relation.Right.Regimes).ToList();
        var search = CounterexampleSearch.Run(s, (drawn, inputs) => relation.Holds(inputs, out _, out _), o.Draws, o.Seed, Confirmer(s, regimes, o));
        var where = s.Claim.Where.Count > 0 ? $" where {string.Join(", ", s.Claim.Where)}" : "";
        if (search.Shrunk is { } bad)
        {
            var inputs = s.Point(bad)!;
            var (l, r) = relation.Sides(inputs);
            var point = s.Describe(bad, inputs);
            var confirmation = o.ConfirmFromFirstPrinciples ? FirstPrinciples.Confirm(s.Model, relation.Left.Regimes.Concat(relation.Right.Regimes), inputs) : null;
            if (proof.Proved)
                return new(Verdict.Undecided, $"a symbolic proof ({proof.Evidence}) and a counterexample disagree: {Describe(a.Relation.Text, l, r)}", point, search.Tested);
            if (confirmation is { Confirmed: false })
                return new(Verdict.Undecided, $"counterexample not confirmed: {Describe(a.Relation.Text, l, r)}; {confirmation.Detail}", point, search.Tested);
            if (NumericThresholds(relation) is { Count: > 0 } thresholds)
                return new(Verdict.Undecided, $"apparent counterexample (seed {search.Seed}, after {search.Tested} draws, shrunk): {Describe(a.Relation.Text, l, r)}; but it rests on {string.Join(", ", thresholds)}, found numerically, which the raw solver does not confirm (it confirms the values at the point, not where the sides of a threshold meet){(confirmation is null ? "" : "; " + confirmation.Detail)}",
                    point, search.Tested);
            return new(Verdict.Refuted,
                $"counterexample (seed {search.Seed}, after {search.Tested} draws, shrunk): {Describe(a.Relation.Text, l, r)}{(confirmation is null ? "" : "; " + confirmation.Detail)}",
                point, search.Tested);
        }
        if (proof.Proved) return new(Verdict.Proved, $"{a.Relation.Text}: {proof.Evidence}; no counterexample in {search.Tested} draws{where} (seed {search.Seed})", null, search.Tested);
        if (search.Tested < o.Draws / 2 || search.NumericFailures > o.Draws / 100)
        {
            var at = search.FirstNumericFailurePoint is { } p && s.Space.Inputs((double[])p.Clone()) is { } pi ? s.Describe(p, pi) : null;
            return new(Verdict.Undecided, $"{a.Relation.Text}: {search.Tested} draws evaluated, {search.NumericFailures} numeric failures{(search.FirstNumericFailure is null ? "" : ", e.g. " + search.FirstNumericFailure)}", at, search.Tested);
        }
        var boxed = IntervalProof.Try(s, relation, o);
        if (boxed.Proved) return new(Verdict.Proved, $"{a.Relation.Text}: {boxed.Evidence}; no counterexample in {search.Tested} draws{where} (seed {search.Seed}); {proof.Evidence}", null, search.Tested);
        if (boxed.Counterexample is not null) return FromIntervalSearch(s, a, relation, boxed, search.Tested, o);
        return new(Verdict.Holds, $"{a.Relation.Text}: no counterexample in {search.Tested} draws{where} (seed {search.Seed}); {proof.Evidence}; {boxed.Evidence}", null, search.Tested);
    }

    /// <summary>A point the interval search found and the draws did not: refuted once the relation, the domain and the raw solver agree there.</summary>
    static AssertionOutcome FromIntervalSearch(ClaimSetting s, UniversalAssertion a, RelationCheck relation, IntervalProof.Outcome boxed, int tested, CheckOptions o)
    {
        var drawn = IntervalProof.Drawn(s, boxed);
        var inputs = s.Space.Inputs(drawn);
        if (inputs is null || !s.Where.All(w => w.HoldsClearly(inputs)))
            return new(Verdict.Undecided, $"{a.Relation.Text}: {boxed.Evidence}, but that point is not inside the claim's domain in double precision", null, tested);
        var point = s.Describe(drawn, inputs);
        bool holds;
        try { holds = relation.Holds(inputs, out _, out _); }
        catch (Verify.Derivation.Evaluation.NumericFailure e) { return new(Verdict.Undecided, $"{a.Relation.Text}: {boxed.Evidence}; the point cannot be evaluated: {e.Message}", point, tested); }
        if (holds) return new(Verdict.Undecided, $"{a.Relation.Text}: {boxed.Evidence}, but the relation holds there within the tolerance", point, tested);
        var confirmation = o.ConfirmFromFirstPrinciples ? FirstPrinciples.Confirm(s.Model, relation.Left.Regimes.Concat(relation.Right.Regimes), inputs) : null;
        if (confirmation is { Confirmed: false })
            return new(Verdict.Undecided, $"{a.Relation.Text}: {boxed.Evidence}; not confirmed: {confirmation.Detail}", point, tested);
        var (l, r) = relation.Sides(inputs);
        return new(Verdict.Refuted, $"counterexample found by the interval search after {tested} draws found none: {Describe(a.Relation.Text, l, r)}{(confirmation is null ? "" : "; " + confirmation.Detail)}", point, tested);
    }

    /// <summary>
    /// The thresholds found numerically that the relation's sides use (by name). A threshold found by scanning is
    /// limited by the conditioning of its phase's solution near the meeting (a_R lost in rounding as it nears a_D,
    /// say), and the first-principles confirmation checks the values at the point, not the meeting, so a
    /// counterexample that rests on one is not a refutation.
    /// </summary>
    static List<string> NumericThresholds(RelationCheck relation)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var side in new[] { relation.Left, relation.Right })
            side.InPhases([.. Enumerable.Repeat(0, side.Regimes.Count)]).Any(n =>
            {
                if (n is Verify.Symbolic.Core.Call c && Verify.Derivation.Evaluation.NumericThreshold.IsNumericThreshold(c.Name)) names.Add(c.Name);
                return false;   // visit every node
            });
        return [.. names];
    }

    /// <summary>The first-principles confirmation used while searching (none when switched off).</summary>
    public static Func<double[], FirstPrinciples.Confirmation?>? Confirmer(ClaimSetting s, IEnumerable<string> regimes, CheckOptions o)
    {
        if (!o.ConfirmFromFirstPrinciples) return null;
        var list = regimes.Distinct().ToList();
        return inputs => FirstPrinciples.Confirm(s.Model, list, inputs);
    }

    public static string Describe(string relation, double l, double r) => $"{relation} fails: left side {l:G6}, right side {r:G6}";
}
