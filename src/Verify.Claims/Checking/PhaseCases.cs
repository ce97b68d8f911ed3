using Verify.Derivation.Evaluation;
using Verify.Symbolic.Core;

namespace Verify.Claims.Checking;

/// <summary>One combination of phases of the regimes a relation involves: its two sides in closed form and the conditions that hold there.</summary>
public sealed record PhaseCase(string Phases, Expr Left, Expr Right, IReadOnlyList<Relation> Conditions);

/// <summary>
/// The cases a proof of L op R must cover: every combination of phases of the regimes the
/// relation and the claim's 'where' involve, each with the phases' own conditions (their values
/// substituted) and the 'where' read in those phases. A combination where the statement has no
/// meaning is counted, not returned; anything implicit stops the enumeration with a reason.
/// </summary>
public static class PhaseCases
{
    public sealed record Enumeration(IReadOnlyList<PhaseCase> Cases, int Undefined, string? Problem);

    /// <param name="conditions">Conditions besides the claim's 'where' (a bound variable's range, say), read like it.</param>
    public static Enumeration Of(ClaimSetting setting, RelationCheck relation, IReadOnlyList<RelationCheck>? conditions = null)
    {
        var where = setting.Where.Concat(conditions ?? []).ToList();
        var regimes = relation.Left.Regimes.Concat(relation.Right.Regimes).Concat(where.SelectMany(w => w.Left.Regimes.Concat(w.Right.Regimes))).Distinct().ToList();
        var counts = regimes.Select(r => setting.Model.Regime(r).Phases.Count).ToArray();
        var cases = new List<PhaseCase>();
        int undefined = 0;
        foreach (var combination in ExpressionForms.PhaseCombinations(counts))
        {
            int[] For(QuantityExpression q) => q.Regimes.Select(r => combination[regimes.IndexOf(r)]).ToArray();
            var phaseNames = string.Join(", ", regimes.Select((r, i) => setting.Model.Regime(r).Phases[combination[i]].Phase.Key));
            Expr left, right;
            var phaseConditions = new List<Relation>();
            try
            {
                left = relation.Left.InPhases(For(relation.Left));
                right = relation.Right.InPhases(For(relation.Right));
                for (int i = 0; i < regimes.Count; i++)
                {
                    var phase = setting.Model.Regime(regimes[i]).Phases[combination[i]].Phase;
                    var values = phase.Values.ToDictionary(kv => (Expr)kv.Key, kv => kv.Value.Value);
                    // In the claim's parameters: its 'with' (sigma = 2, say) holds in every phase.
                    Expr Read(Expr e) => setting.Reparametrise.Count == 0 ? e.Substitute(values) : e.Substitute(values).Substitute(setting.Reparametrise);
                    phaseConditions.AddRange(phase.When.Select(w => new Relation(Read(w.Left), w.Operator, Read(w.Right))));
                }
                foreach (var w in where)
                    phaseConditions.Add(new Relation(w.Left.InPhases(For(w.Left)), w.Relation.Operator, w.Right.InPhases(For(w.Right))));
            }
            catch (UndefinedInPhase)
            {
                undefined++;   // the statement has no meaning in this phase
                continue;
            }
            catch (Exception e) when (e is ArgumentException or Verify.Symbolic.Calculus.DifferentiationException or InvalidOperationException)
            {
                return new([], undefined, $"not attempted in {phaseNames}: {e.Message}");
            }
            if (new[] { left, right }.Concat(phaseConditions.SelectMany(r => new[] { r.Left, r.Right })).Any(e => e.Any(n => n is Call c && c.Name is not ("max" or "min" or "abs"))))
                return new([], undefined, $"not attempted: {phaseNames} involves a quantity without closed form");
            cases.Add(new PhaseCase(phaseNames, left, right, phaseConditions));
        }
        return new(cases, undefined, null);
    }
}
