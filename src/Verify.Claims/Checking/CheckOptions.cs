namespace Verify.Claims.Checking;

/// <summary>How hard to look: draws per claim (the issue asks for at least 10,000) and the seed that replays them.</summary>
public sealed record CheckOptions(int Draws = 10_000, ulong Seed = 20140101, bool ConfirmFromFirstPrinciples = true)
{
    /// <summary>Values of the integration variable tried per parameter point in forall/monotone assertions.</summary>
    public int VariableDraws { get; init; } = 4;
}
