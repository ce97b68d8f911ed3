using Verify.Model.Claims;

namespace Verify.Claims.Checking;

/// <summary>
/// assert forall x in (lo, hi) [where cond]: L op R — at each parameter point the relation is
/// checked on a grid of x across (lo, hi) (see <see cref="VariableGrid"/>), wherever cond holds;
/// a symbolic proof reads lo &lt; x &lt; hi and cond as conditions of the domain.
/// </summary>
static class ForAllDecider
{
    public static AssertionOutcome Decide(ClaimSetting s, ForAllAssertion a, CheckOptions o)
    {
        var variable = VariableIndex(s, a.Variable, a.Span);
        var lower = s.Model.Expression(s, a.Lower);
        var upper = s.Model.Expression(s, a.Upper);
        var condition = a.Condition is null ? null : RelationCheck.Create(s.Model, s.Regime, s.ParseRelation(a.Condition), s.Reparametrise);
        var relation = RelationCheck.Create(s.Model, s.Regime, s.ParseRelation(a.Relation), s.Reparametrise);
        double? badX = null;
        bool Holds(double[] drawn, double[] inputs)
        {
            double lo = lower.Evaluate(inputs), hi = upper.Evaluate(inputs);
            foreach (var x in VariableGrid.Over(lo, hi))
            {
                inputs[variable] = x;
                if (condition is not null && !condition.Holds(inputs, out _, out _)) continue;
                if (!relation.Holds(inputs, out _, out _)) { badX = x; return false; }
            }
            return true;
        }
        var search = CounterexampleSearch.Run(s, Holds, o.Draws, o.Seed, UniversalDecider.Confirmer(s, relation.Left.Regimes.Concat(relation.Right.Regimes), o));
        var label = $"forall {a.Variable} in ({a.Lower}, {a.Upper}){(a.Condition is null ? "" : $" where {a.Condition}")}: {a.Relation}";
        // The symbolic proof reads the bound variable's range (and the assert's own condition) as conditions of the domain.
        var range = new List<RelationCheck>
        {
            RelationCheck.Create(s.Model, s.Regime, s.ParseRelation(a.Lower with { Text = $"{a.Variable} > {a.Lower.Text}" }), s.Reparametrise),
            RelationCheck.Create(s.Model, s.Regime, s.ParseRelation(a.Upper with { Text = $"{a.Variable} < {a.Upper.Text}" }), s.Reparametrise),
        };
        if (condition is not null) range.Add(condition);
        var proof = SymbolicProof.Try(s, relation, range, o.Proofs);
        if (search.Shrunk is not { } bad)
            return proof.Proved
                ? new(Verdict.Proved, $"{label}: {proof.Evidence}; no counterexample in {search.Tested} draws x {VariableGrid.Size} values of {a.Variable} (seed {search.Seed})", null, search.Tested)
                : new(Verdict.Holds, $"{label}: no counterexample in {search.Tested} draws x {VariableGrid.Size} values of {a.Variable} (seed {search.Seed}); {proof.Evidence}", null, search.Tested);
        var inputs = s.Point(bad)!;
        Holds(bad, inputs);
        inputs[variable] = badX!.Value;
        var (l, r) = relation.Sides(inputs);
        var point = s.Describe(bad, inputs);
        point[a.Variable] = badX.Value;
        var confirmation = o.ConfirmFromFirstPrinciples ? FirstPrinciples.Confirm(s.Model, relation.Left.Regimes.Concat(relation.Right.Regimes), inputs) : null;
        if (proof.Proved)
            return new(Verdict.Undecided, $"{label}: a symbolic proof ({proof.Evidence}) and a counterexample at {a.Variable} = {badX:G6} disagree", point, search.Tested);
        return new(confirmation is { Confirmed: false } ? Verdict.Undecided : Verdict.Refuted,
            $"counterexample (seed {search.Seed}, shrunk): at {a.Variable} = {badX:G6}, {UniversalDecider.Describe(a.Relation.Text, l, r)}{(confirmation is null ? "" : "; " + confirmation.Detail)}",
            point, search.Tested);
    }

    public static int VariableIndex(ClaimSetting s, string name, Verify.Model.Language.SourceSpan span)
    {
        var index = s.Model.Inputs.ToList().FindIndex(x => x.Name == name);
        return index >= 0 ? index : throw new ClaimException(span, $"'{name}' is not the model's variable or a parameter");
    }
}
