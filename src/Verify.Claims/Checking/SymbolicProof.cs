using Verify.Derivation.Evaluation;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;
using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

namespace Verify.Claims.Checking;

/// <summary>
/// A proof of L op R from the closed forms: in every combination of phases of the regimes the
/// relation involves, L - R is simplified under the model's domains plus that phase's own
/// conditions and the claim's 'where' (with the phase's values substituted); the sign oracle must
/// prove the required sign (or the zero test an identity). A combination whose assumptions
/// contradict each other cannot occur and is skipped. Anything implicit is not attempted.
/// </summary>
public static class SymbolicProof
{
    public sealed record Outcome(bool Proved, string Evidence);

    public static Outcome Try(ClaimSetting setting, RelationCheck relation)
    {
        var regimes = relation.Left.Regimes.Concat(relation.Right.Regimes).Concat(setting.Where.SelectMany(w => w.Left.Regimes.Concat(w.Right.Regimes))).Distinct().ToList();
        var counts = regimes.Select(r => setting.Model.Regime(r).Phases.Count).ToArray();
        var context = setting.Model.Derivation.Context;
        int proved = 0, skipped = 0;
        foreach (var combination in Combinations(counts))
        {
            int[] For(QuantityExpression q) => q.Regimes.Select(r => combination[regimes.IndexOf(r)]).ToArray();
            var phaseNames = string.Join(", ", regimes.Select((r, i) => setting.Model.Regime(r).Phases[combination[i]].Phase.Key));
            Expr left, right;
            var extra = new List<Relation>();
            try
            {
                left = relation.Left.InPhases(For(relation.Left));
                right = relation.Right.InPhases(For(relation.Right));
                for (int i = 0; i < regimes.Count; i++)
                {
                    var phase = setting.Model.Regime(regimes[i]).Phases[combination[i]].Phase;
                    var values = phase.Values.ToDictionary(kv => (Expr)kv.Key, kv => kv.Value.Value);
                    extra.AddRange(phase.When.Select(w => new Relation(w.Left.Substitute(values), w.Operator, w.Right.Substitute(values))));
                }
                foreach (var w in setting.Where)
                    extra.Add(new Relation(w.Left.InPhases(For(w.Left)), w.Relation.Operator, w.Right.InPhases(For(w.Right))));
            }
            catch (UndefinedInPhase)
            {
                skipped++;   // the statement has no meaning in this phase
                continue;
            }
            catch (Exception e) when (e is ArgumentException or Verify.Symbolic.Calculus.DifferentiationException or InvalidOperationException)
            {
                return new(false, $"not attempted in {phaseNames}: {e.Message}");
            }
            if (new[] { left, right }.Concat(extra.SelectMany(r => new[] { r.Left, r.Right })).Any(e => e.Any(n => n is Call c && c.Name is not ("max" or "min" or "abs"))))
                return new(false, $"not attempted: {phaseNames} involves a quantity without closed form");
            Assumptions oracle;
            try { oracle = new Assumptions(context.Oracle.Relations.Concat(extra)); }
            catch (ArgumentException) { skipped++; continue; }   // the phase cannot hold under the claim's domain
            var difference = Simplifier.Simplify(Expr.Sub(left, right), oracle);
            var ok = relation.Relation.Operator switch
            {
                RelationOperator.Equal => Identity.IsZero(difference, oracle, numeric: false).Status == ZeroStatus.Zero,
                RelationOperator.Greater => oracle.SignOf(difference).Within(SignSet.Positive),
                RelationOperator.GreaterOrEqual => oracle.SignOf(difference).Within(SignSet.NonNegative),
                RelationOperator.Less => oracle.SignOf(difference).Within(SignSet.Negative),
                RelationOperator.LessOrEqual => oracle.SignOf(difference).Within(SignSet.NonPositive),
                _ => oracle.SignOf(difference).Within(SignSet.NonZero),
            };
            if (!ok) return new(false, $"no symbolic proof in {phaseNames}: the sign of {Shorten(difference)} is not decided");
            proved++;
        }
        if (proved == 0) return new(false, "no phase combination can hold under the claim's domain");
        var how = relation.Relation.Operator == RelationOperator.Equal ? "the difference simplifies to 0" : "the sign oracle proves the sign of the difference";
        return new(true, $"{how} in every phase ({proved} proved{(skipped > 0 ? $", {skipped} excluded by the domain or where the statement is undefined" : "")})");
    }

    static string Shorten(Expr e)
    {
        var s = e.ToString();
        return s.Length <= 160 ? s : s[..157] + "...";
    }

    static IEnumerable<int[]> Combinations(int[] counts)
    {
        var current = new int[counts.Length];
        while (true)
        {
            yield return (int[])current.Clone();
            int k = counts.Length - 1;
            while (k >= 0 && ++current[k] == counts[k]) current[k--] = 0;
            if (k < 0) yield break;
        }
    }
}
