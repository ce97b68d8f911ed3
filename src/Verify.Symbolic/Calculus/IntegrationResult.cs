using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// The outcome of <see cref="Integration.Evaluate"/>: the expression with every evaluable integral
/// in closed form, the side conditions that were proved to get there, and the integrals left
/// unevaluated with the reason for each.
/// </summary>
public sealed record IntegrationResult(Expr Value, IReadOnlyList<SideCondition> Conditions, IReadOnlyList<UnevaluatedIntegral> Unevaluated)
{
    /// <summary>True when no integral was left unevaluated.</summary>
    public bool IsComplete => Unevaluated.Count == 0;
}

/// <summary>An integral that could not be put in closed form, and why.</summary>
public sealed record UnevaluatedIntegral(Integral Integral, string Reason)
{
    public override string ToString() => $"{Integral}: {Reason}";
}
