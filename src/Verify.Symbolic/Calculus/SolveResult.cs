using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>How <see cref="Solver"/> found a solution.</summary>
public enum SolveMethod
{
    /// <summary>No solution was found.</summary>
    None,
    /// <summary>a·x + b = 0 with a ≠ 0 proved.</summary>
    Linear,
    /// <summary>c·x^p = d, the positive root x = (d/c)^(1/p).</summary>
    Power,
    /// <summary>x appears only through an inner expression g: solve for g, then g = value for x.</summary>
    Inner,
    /// <summary>a·y² + b·y + c = 0 in y = x^p, the one root in x's domain.</summary>
    Quadratic,
}

/// <summary>
/// The outcome of <see cref="Solver.Solve"/>. On success: the solution, the method (and the steps,
/// for an inner solve), the side conditions the oracle proved, and the assumptions the solution
/// rests on without proof (such as choosing the root with x &gt; 0). On failure: the reason.
/// </summary>
public sealed record SolveResult
{
    public bool Success { get; private init; }
    public Expr? Solution { get; private init; }
    public SolveMethod Method { get; private init; }
    public string? Steps { get; private init; }
    public IReadOnlyList<SideCondition> Conditions { get; private init; } = [];
    public IReadOnlyList<SideCondition> Assumptions { get; private init; } = [];
    public string? Reason { get; private init; }

    public static SolveResult Solved(Expr solution, SolveMethod method, string steps,
        IReadOnlyList<SideCondition> conditions, IReadOnlyList<SideCondition> assumptions) =>
        new() { Success = true, Solution = solution, Method = method, Steps = steps, Conditions = conditions, Assumptions = assumptions };

    public static SolveResult Failed(string reason) => new() { Success = false, Method = SolveMethod.None, Reason = reason };

    public override string ToString() => Success
        ? $"{Solution} ({Steps}; proved: {List(Conditions)}; assumed: {List(Assumptions)})"
        : $"not solved: {Reason}";

    static string List(IReadOnlyList<SideCondition> cs) => cs.Count == 0 ? "nothing" : string.Join(", ", cs);
}
