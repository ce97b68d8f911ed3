using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra;

/// <summary>
/// An oracle for a rewrite that may be thrown away: it answers as the inner one does but holds back
/// the side conditions it proves until <see cref="Commit"/>, so a discarded candidate leaves no trace.
/// </summary>
internal sealed class TentativeOracle(ISignOracle inner) : ITracingOracle
{
    readonly List<SideCondition> _held = [];

    public SignSet SignOf(Expr e) => inner.SignOf(e);

    public IReadOnlyList<Relation> DomainOf(Symbol x) => inner.DomainOf(x);

    public bool Proves(Expr e, SignSet required, string rule)
    {
        var ok = inner.SignOf(e).Within(required);
        if (ok && e is not Number) Record(new SideCondition(rule, e, required));
        return ok;
    }

    public void Record(SideCondition condition) => _held.Add(condition);

    /// <summary>Passes the held conditions on to the inner oracle's trace.</summary>
    public void Commit()
    {
        if (inner is ITracingOracle t) foreach (var c in _held) t.Record(c);
        _held.Clear();
    }
}
