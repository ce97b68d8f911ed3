using Verify.Derivation.Results;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;

namespace Verify.Derivation;

/// <summary>
/// Substitutes a phase's derived values back into each of its primitive conditions (after
/// inlining and integration). A residual that simplifies to zero is verified symbolically; one
/// that involves an implicit unknown, or that the zero test leaves undecided, is left to the
/// numeric check (<see cref="Evaluation.NumericCheck"/>), which says so.
/// </summary>
public static class ConditionVerifier
{
    public static IReadOnlyList<ConditionCheck> Check(DerivationContext context, PhaseDerivation phase)
    {
        var values = phase.Values.ToDictionary(kv => (Expr)kv.Key, kv => kv.Value.Value);
        var checks = new List<ConditionCheck>();
        foreach (var c in phase.Conditions)
        {
            var substituted = c.Residual.Substitute(values, context.Oracle);
            // With integrals kept unevaluated the substituted residual is large, and an implicit call
            // in it leaves the check to the numbers anyway: do not simplify it first.
            var keptIntegral = substituted.Any(n => n is Integral);
            // So too a large residual with an implicit call in it (erfs of an implicit cut-off, say):
            // simplifying it costs minutes and can only end in the numeric check.
            var largeImplicit = Simplifier.Size(substituted) > LargeResidual && CallsImplicit(phase, substituted);
            var residual = keptIntegral || largeImplicit ? substituted : context.Simplify(substituted);
            if (CallsImplicit(phase, residual))
            {
                checks.Add(new ConditionCheck(c.Label, CheckStatus.Pending, "involves an implicit unknown"));
                continue;
            }
            var verdict = Identity.IsZero(residual, context.Oracle, numeric: false);
            checks.Add(verdict.Status switch
            {
                ZeroStatus.Zero => new ConditionCheck(c.Label, CheckStatus.Symbolic, verdict.Reason),
                ZeroStatus.NonZero => new ConditionCheck(c.Label, CheckStatus.Failed, $"residual {residual} is not zero: {verdict.Reason}"),
                _ => new ConditionCheck(c.Label, CheckStatus.Pending, $"zero test undecided: {verdict.Reason}"),
            });
        }
        return checks;
    }

    const int LargeResidual = 400;

    static bool CallsImplicit(PhaseDerivation phase, Expr e) =>
        phase.ImplicitUnknowns.Any(i => e.Any(n => n is Call call && call.Name == i.FunctionName));
}
