using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;
using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

namespace Verify.Claims.Checking;

/// <summary>
/// A proof of L op R from the closed forms: in every combination of phases of the regimes the
/// relation involves (<see cref="PhaseCases"/>), L - R is simplified under the model's domains
/// plus that phase's own conditions and the claim's 'where'; the sign oracle must prove the
/// required sign (or the zero test an identity). A combination whose assumptions contradict each
/// other cannot occur and is skipped. Anything implicit is not attempted.
/// </summary>
public static class SymbolicProof
{
    public sealed record Outcome(bool Proved, string Evidence);

    /// <param name="conditions">Conditions besides the claim's 'where' (a bound variable's range, say).</param>
    /// <param name="store">Attempts made before (see <see cref="ProofStore"/>); none when null.</param>
    public static Outcome Try(ClaimSetting setting, RelationCheck relation, IReadOnlyList<RelationCheck>? conditions = null, ProofStore? store = null)
    {
        if (store is null) return Attempt(setting, relation, conditions);
        var stored = store.GetOrTry(ProofStore.Key("symbolic", setting, relation, conditions), () =>
        {
            var made = Attempt(setting, relation, conditions);
            return new ProofStore.Attempt(made.Proved, made.Evidence);
        });
        return new Outcome(stored.Proved, stored.Evidence);
    }

    static Outcome Attempt(ClaimSetting setting, RelationCheck relation, IReadOnlyList<RelationCheck>? conditions)
    {
        var enumeration = PhaseCases.Of(setting, relation, conditions);
        if (enumeration.Problem is { } problem) return new(false, problem);
        var context = setting.Model.Derivation.Context;
        int proved = 0, skipped = enumeration.Undefined;
        foreach (var c in enumeration.Cases)
        {
            Assumptions oracle;
            try
            {
                oracle = new Assumptions(context.Oracle.Relations.Concat(c.Conditions));
                // The conditions' polynomial forms let linear reasoning see more (a phase excluded by the 'where').
                var forms = c.Conditions.SelectMany(r => ConditionForms.Of(r, oracle)).Distinct().ToList();
                if (forms.Count > 0) oracle = new Assumptions(context.Oracle.Relations.Concat(c.Conditions).Concat(forms));
            }
            catch (ArgumentException) { skipped++; continue; }   // the phase cannot hold under the claim's domain
            var written = Expr.Sub(c.Left, c.Right);
            // The simplifier and the oracle cannot see into an integral with no closed form: such a
            // difference is left to the draws.
            if (written.Any(n => n is Integral))
                return new(false, $"no symbolic proof in {c.Phases}: it holds an integral with no closed form");
            var difference = Simplifier.Simplify(written, oracle);
            var ok = Decided(relation.Relation.Operator, difference, oracle);
            if (!ok && relation.Relation.Operator == RelationOperator.Equal)
            {
                // As the derivation simplifies: exponents brought to one form until nothing changes, so that
                // ln(x)*(sigma - 1)/rho and ln(x^((sigma - 1)/rho)) meet;
                // then over one denominator with common factors cancelled (logarithms of sums meet there).
                var phase = context.With(oracle.Relations);
                difference = phase.Simplify(difference);
                ok = Decided(relation.Relation.Operator, difference, phase.Oracle)
                     || Decided(relation.Relation.Operator, phase.Simplify(phase.Together(difference)), phase.Oracle);
            }
            if (!ok) return new(false, $"no symbolic proof in {c.Phases}: the sign of {Shorten(context.Presenter.Text(difference))} is not decided");
            proved++;
        }
        if (proved == 0) return new(false, "no phase combination can hold under the claim's domain");
        var how = relation.Relation.Operator == RelationOperator.Equal ? "the difference simplifies to 0" : "the sign oracle proves the sign of the difference";
        return new(true, $"{how} in every phase ({proved} proved{(skipped > 0 ? $", {skipped} excluded by the domain or where the statement is undefined" : "")})");
    }

    static bool Decided(RelationOperator op, Expr difference, Assumptions oracle) => op switch
    {
        RelationOperator.Equal => Identity.IsZero(difference, oracle, numeric: false).Status == ZeroStatus.Zero,
        RelationOperator.Greater => oracle.SignOf(difference).Within(SignSet.Positive),
        RelationOperator.GreaterOrEqual => oracle.SignOf(difference).Within(SignSet.NonNegative),
        RelationOperator.Less => oracle.SignOf(difference).Within(SignSet.Negative),
        RelationOperator.LessOrEqual => oracle.SignOf(difference).Within(SignSet.NonPositive),
        _ => oracle.SignOf(difference).Within(SignSet.NonZero),
    };

    static string Shorten(string s)
    {
        return s.Length <= 160 ? s : s[..157] + "...";
    }
}
