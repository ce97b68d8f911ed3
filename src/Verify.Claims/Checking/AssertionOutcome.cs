namespace Verify.Claims.Checking;

/// <summary>The decision on one assertion of a claim, with its evidence.</summary>
public sealed record AssertionOutcome(Verdict Verdict, string Evidence, IReadOnlyDictionary<string, double>? Point = null, int Draws = 0);
