using Verify.Symbolic.Core;

namespace Verify.Proofs;

/// <summary>A box the prover could not decide, with why it stopped there.</summary>
public sealed record UndecidedBox(IReadOnlyDictionary<Symbol, (double Lo, double Hi)> Ranges, int Depth, string Reason)
{
    public override string ToString() => $"{BoxText.Ranges(Ranges)} (depth {Depth}: {Reason})";
}
