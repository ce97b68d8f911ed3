namespace Verify.Claims.Checking;

/// <summary>How hard to look: draws per claim (the issue asks for at least 10,000) and the seed that replays them.</summary>
public sealed record CheckOptions(int Draws = 10_000, ulong Seed = 20140101, bool ConfirmFromFirstPrinciples = true)
{
    /// <summary>Values of the integration variable tried per parameter point in forall/monotone assertions.</summary>
    public int VariableDraws { get; init; } = 4;

    /// <summary>How many boxes an interval proof may examine per phase case before it gives up (undecided).</summary>
    public int ProofBoxes { get; init; } = 40_000;

    /// <summary>Draws per claim over the paths of dynamic regimes (each draw follows every path it compares), at most Draws.</summary>
    public int PathDraws { get; init; } = 40;

    /// <summary>Symbolic proof attempts made before, to be reused and added to (none when null).</summary>
    public ProofStore? Proofs { get; init; }
}
