namespace Verify.Proofs;

/// <summary>How a sign proof ended.</summary>
public enum ProofOutcome
{
    /// <summary>The goal holds at every point of the domain within the box.</summary>
    Proved,
    /// <summary>A point of the domain where the goal provably fails was found.</summary>
    Counterexample,
    /// <summary>Some boxes were neither proved, pruned nor refuted within the limits.</summary>
    Undecided,
}
