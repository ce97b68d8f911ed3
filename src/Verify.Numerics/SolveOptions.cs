using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>How hard and how carefully <see cref="RawSolver"/> searches.</summary>
public sealed record SolveOptions
{
    public static readonly SolveOptions Default = new();

    /// <summary>Convergence: every residual (L − R)/(|L| + |R|) at most this in absolute value.</summary>
    public double Tolerance { get; init; } = 1e-12;

    /// <summary>
    /// Below this, |L| + |R| is not used as the residual's scale; only conditions whose two sides
    /// both vanish at the root need it raised (to the size at which zero counts as zero).
    /// </summary>
    public double ResidualFloor { get; init; } = 1e-200;

    /// <summary>Newton iterations per starting point.</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>Pseudo-random starting points tried after the caller's guess and the domain's centre.</summary>
    public int Restarts { get; init; } = 12;

    /// <summary>Seed of the restarts; the search is deterministic for a given seed.</summary>
    public int Seed { get; init; } = 20140101;

    /// <summary>Restarts are drawn uniformly from [−spread, spread] in every transformed coordinate (every other one from twice that).</summary>
    public double RestartSpread { get; init; } = 3;

    /// <summary>Largest Newton step in any transformed coordinate (a factor e^4 on a log scale).</summary>
    public double MaxStep { get; init; } = 4;

    /// <summary>Grid points of the sign-change scan for a single unknown.</summary>
    public int ScanPoints { get; init; } = 121;

    /// <summary>The scan covers [−range, range] in the transformed coordinate (logit 30 is 1e-13 from a bound).</summary>
    public double ScanRange { get; init; } = 30;

    /// <summary>A non-strict bound is widened by this fraction of its size so the root may sit on it (a bound at 0 is approached, not widened).</summary>
    public double BoundMargin { get; init; } = 1e-9;

    /// <summary>Whether a successful solve also estimates how firmly the conditions pin each unknown (n more evaluations).</summary>
    public bool EstimateUncertainty { get; init; }

    /// <summary>An optional starting point; unknowns it leaves out start at the domain's centre.</summary>
    public IReadOnlyDictionary<Symbol, double>? InitialGuess { get; init; }
}
