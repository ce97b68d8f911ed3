using Verify.Symbolic.Numbers;

namespace Verify.Proofs;

/// <summary>Limits and extra conditions for <see cref="SignProver.Prove"/>.</summary>
public sealed record ProofOptions
{
    public static readonly ProofOptions Default = new();

    /// <summary>Conditions a point must meet to belong to the domain; boxes outside all of it are pruned.</summary>
    public IReadOnlyList<DomainConstraint> Constraints { get; init; } = [];

    /// <summary>How many boxes may be examined in all (each split box counts too).</summary>
    public int MaxBoxes { get; init; } = 200_000;

    /// <summary>How many times a box may be split; a box at this depth that is not decided stays undecided.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>
    /// Give up when this many boxes have been examined and not one was proved or pruned: the
    /// enclosures are not tight enough anywhere the search has looked, and more splitting rarely helps.
    /// </summary>
    public int MaxBoxesWithoutProgress { get; init; } = int.MaxValue;

    /// <summary>Wall-clock allowance; when it runs out every box still waiting is undecided.</summary>
    public TimeSpan TimeBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Use the signs of the partial derivatives: where f is monotone in a variable over a box,
    /// its extreme lies on one face, so that variable is fixed there before enclosing f.
    /// </summary>
    public bool UseMonotonicity { get; init; } = true;

    /// <summary>Point meanings of functions that are not built in (for the counterexample search).</summary>
    public FunctionTable? Functions { get; init; }

    /// <summary>Interval meanings of functions that are not built in (for the enclosures).</summary>
    public IntervalFunctionTable? IntervalFunctions { get; init; }

    /// <summary>How many undecided boxes the result names.</summary>
    public int MaxReportedBoxes { get; init; } = 5;

    internal void Validate()
    {
        if (Constraints is null || Constraints.Any(c => c is null)) throw new ArgumentException("Constraints must not be or contain null.");
        if (MaxBoxes < 1) throw new ArgumentException("MaxBoxes must be at least 1.");
        if (MaxBoxesWithoutProgress < 1) throw new ArgumentException("MaxBoxesWithoutProgress must be at least 1.");
        if (MaxDepth < 0) throw new ArgumentException("MaxDepth must not be negative.");
        if (TimeBudget <= TimeSpan.Zero) throw new ArgumentException("TimeBudget must be positive.");
        if (MaxReportedBoxes < 0) throw new ArgumentException("MaxReportedBoxes must not be negative.");
    }
}
