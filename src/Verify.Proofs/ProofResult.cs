using Verify.Symbolic.Core;

namespace Verify.Proofs;

/// <summary>
/// What a sign proof found. Counts are of leaf boxes: proved (the goal holds on the whole box,
/// or on its part inside the domain), pruned (no point of the box is in the domain), undecided
/// (left open at a limit). <see cref="BoxesExamined"/> also counts the boxes that were split.
/// </summary>
public sealed record ProofResult
{
    public required ProofOutcome Outcome { get; init; }
    public required SignGoal Goal { get; init; }
    public required long BoxesExamined { get; init; }
    public required long BoxesProved { get; init; }
    public required long BoxesPruned { get; init; }
    public required long BoxesUndecided { get; init; }
    public required int MaxDepth { get; init; }
    public required TimeSpan Elapsed { get; init; }

    /// <summary>For <see cref="ProofOutcome.Counterexample"/>: a point of the domain where the goal fails.</summary>
    public IReadOnlyDictionary<Symbol, double>? Counterexample { get; init; }

    /// <summary>f at <see cref="Counterexample"/> in double precision (NaN: f is undefined there).</summary>
    public double? CounterexampleValue { get; init; }

    /// <summary>Why the search stopped before its work list was empty (a box or time budget); null when it ran to the end.</summary>
    public string? StopReason { get; init; }

    /// <summary>For <see cref="ProofOutcome.Undecided"/>: some of the boxes left open (at most the reported number).</summary>
    public IReadOnlyList<UndecidedBox> UndecidedBoxes { get; init; } = [];

    public bool IsProved => Outcome == ProofOutcome.Proved;

    /// <summary>One line, e.g. "proved on 1,234 boxes (max depth 17) in 0.12 s".</summary>
    public string Summary => Outcome switch
    {
        ProofOutcome.Proved =>
            $"proved on {BoxText.Boxes(BoxesProved)}{Pruned} (max depth {MaxDepth}) in {BoxText.Seconds(Elapsed)}",
        ProofOutcome.Counterexample =>
            $"counterexample: f = {BoxText.Number(CounterexampleValue ?? double.NaN)} (goal f {Goal.Describe()}) at "
            + $"{BoxText.Point(Counterexample ?? new Dictionary<Symbol, double>())}, found after {BoxText.Boxes(BoxesExamined)} in {BoxText.Seconds(Elapsed)}",
        _ =>
            $"undecided on {BoxText.Boxes(BoxesUndecided)} ({StopReason ?? UndecidedBoxes.FirstOrDefault()?.Reason ?? "none named"}); "
            + $"proved on {BoxText.Count(BoxesProved)}{Pruned} (max depth {MaxDepth}) in {BoxText.Seconds(Elapsed)}",
    };

    string Pruned => BoxesPruned > 0 ? $", {BoxText.Count(BoxesPruned)} pruned" : "";

    public override string ToString() => Summary;
}
