using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Solving;

/// <summary>
/// The derivation's oracle, except that a solving rule's side condition it cannot prove is taken
/// as a condition of the solution and written down, instead of blocking it: a coefficient that
/// must be non-zero (the form holds wherever it is), a value that must be positive for a root to
/// exist (the form holds where it is; elsewhere the equilibrium is another phase's). Only the
/// rules named are obliged; every other rewrite still needs a proof.
/// </summary>
sealed class ObligingOracle(ISignOracle inner, IReadOnlySet<string> rules) : ITracingOracle
{
    readonly List<SideCondition> _unproved = [];

    /// <summary>The side conditions granted without proof since the last <see cref="Reset"/>.</summary>
    public IReadOnlyList<SideCondition> Unproved => _unproved;

    public void Reset() => _unproved.Clear();

    public SignSet SignOf(Expr e) => inner.SignOf(e);

    public IReadOnlyList<Relation> DomainOf(Symbol x) => inner.DomainOf(x);

    public bool Proves(Expr e, SignSet required, string rule)
    {
        if (inner.Proves(e, required, rule)) return true;
        // A condition the oracle proves false is no condition to grant.
        if (!rules.Contains(rule) || (inner.SignOf(e) & required) == 0) return false;
        var condition = new SideCondition(rule, e, required);
        if (!_unproved.Contains(condition)) _unproved.Add(condition);
        return true;
    }

    public void Record(SideCondition condition)
    {
        if (inner is ITracingOracle t) t.Record(condition);
    }
}
