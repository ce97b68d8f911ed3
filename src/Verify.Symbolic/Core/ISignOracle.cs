namespace Verify.Symbolic.Core;

/// <summary>
/// Answers which signs an expression can take. Canonical construction consults an oracle
/// before any rewrite that needs a side condition, through <see cref="Proves"/>, so that an
/// oracle which records its answers yields the trace of conditions a derivation used.
/// </summary>
public interface ISignOracle
{
    SignSet SignOf(Expr e);

    /// <summary>True when e's sign is proved to lie within <paramref name="required"/>; <paramref name="rule"/> names the rewrite that asks.</summary>
    bool Proves(Expr e, SignSet required, string rule) => SignOf(e).Within(required);

    /// <summary>The assumed relations that bound x directly (x op e or e op x), for choosing among roots.</summary>
    IReadOnlyList<Relation> DomainOf(Symbol x) => [];
}
