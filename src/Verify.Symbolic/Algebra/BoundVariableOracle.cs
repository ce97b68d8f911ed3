using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra;

/// <summary>
/// The oracle inside an integral's body. The integration variable ranges over the limits, not over
/// whatever an outer symbol of the same name was assumed to satisfy, so anything that involves it is
/// answered from structure alone (its declared sign); the rest goes to the outer oracle.
/// </summary>
public sealed class BoundVariableOracle(ISignOracle outer, Symbol variable) : ITracingOracle
{
    public SignSet SignOf(Expr e) => e.Contains(variable) ? StructuralSign.Of(e, this) : outer.SignOf(e);

    public bool Proves(Expr e, SignSet required, string rule)
    {
        if (!e.Contains(variable)) return outer.Proves(e, required, rule);
        var ok = SignOf(e).Within(required);
        if (ok && e is not Number) Record(new SideCondition(rule, e, required));
        return ok;
    }

    public void Record(SideCondition condition)
    {
        if (outer is ITracingOracle t) t.Record(condition);
    }
}
