using Verify.Model.Claims;

namespace Verify.Claims.Checking;

/// <summary>
/// assert exists: L op R — the search looks for a counterexample to "it never holds"; the one it
/// finds (shrunk to simple values) is a witness. A witness confirmed from first principles proves
/// the existence claim; no witness leaves it undecided.
/// </summary>
static class ExistsDecider
{
    public static AssertionOutcome Decide(ClaimSetting s, ExistsAssertion a, CheckOptions o)
    {
        var relation = RelationCheck.Create(s.Model, s.Regime, s.ParseRelation(a.Relation), s.Reparametrise);
        var search = CounterexampleSearch.Run(s, (drawn, inputs) => !relation.HoldsClearly(inputs), o.Draws, o.Seed,
            UniversalDecider.Confirmer(s, relation.Left.Regimes.Concat(relation.Right.Regimes), o));
        if (search.Shrunk is not { } witness)
            return new(Verdict.Undecided, $"no witness of {a.Relation.Text} in {search.Tested} draws (seed {search.Seed})", null, search.Tested);
        var inputs = s.Point(witness)!;
        var (l, r) = relation.Sides(inputs);
        var confirmation = o.ConfirmFromFirstPrinciples ? FirstPrinciples.Confirm(s.Model, relation.Left.Regimes.Concat(relation.Right.Regimes), inputs) : null;
        var text = $"witness (seed {search.Seed}, shrunk): {a.Relation.Text} with left side {l:G6}, right side {r:G6}{(confirmation is null ? "" : "; " + confirmation.Detail)}";
        return new(confirmation is { Confirmed: false } ? Verdict.Undecided : Verdict.Proved, text, s.Describe(witness, inputs), search.Tested);
    }
}
