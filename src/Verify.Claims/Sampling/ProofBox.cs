using Verify.Symbolic.Core;

namespace Verify.Claims.Sampling;

/// <summary>
/// A closed, bounded box inside a claim's sampled domain, for interval proofs. Each coordinate
/// is a drawn symbol, or, for one bounded below by others (rho &gt; sigma - 1), its ratio to
/// that bound (beta = rho/(sigma - 1)), with <see cref="Substitution"/> writing the symbol in
/// coordinates. The open edges of the domain and what lies beyond the ranges are outside the
/// box: <see cref="Description"/> says what is covered.
/// </summary>
public sealed record ProofBox(
    IReadOnlyDictionary<Symbol, (double Lo, double Hi)> Ranges,
    IReadOnlyDictionary<Expr, Expr> Substitution,
    string Description);
