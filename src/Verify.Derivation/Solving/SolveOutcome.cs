using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Solving;

/// <summary>A closed-form solution with the rule used and the conditions proved, or why there is none.</summary>
public sealed record SolveOutcome(bool Success, Expr? Value, string Method, IReadOnlyList<string> Conditions, string? Reason)
{
    /// <summary>Side conditions the solution needs that were not proved (a conditional solver's only).</summary>
    public IReadOnlyList<SideCondition> Unproved { get; init; } = [];

    public static SolveOutcome Solved(Expr value, string method, IReadOnlyList<string> conditions) => new(true, value, method, conditions, null);
    public static SolveOutcome Failed(string reason) => new(false, null, "", [], reason);
}
