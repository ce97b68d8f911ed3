using Verify.Symbolic.Core;

namespace Verify.Symbolic.Tests.Calculus;

/// <summary>
/// A small test oracle: the structural rules plus signs assumed for particular expressions (or
/// expressions matching a predicate), recording every question asked so tests can check the trace.
/// </summary>
public sealed class AssumingOracle : ISignOracle
{
    readonly Dictionary<Expr, SignSet> _assumed = [];
    readonly List<Func<Expr, SignSet?>> _rules = [];

    public List<(Expr Expression, SignSet Required, string Rule, bool Proved)> Asked { get; } = [];

    public AssumingOracle Assume(Expr e, SignSet sign) { _assumed[e] = sign; return this; }
    public AssumingOracle Assume(Func<Expr, SignSet?> rule) { _rules.Add(rule); return this; }

    public SignSet SignOf(Expr e)
    {
        if (_assumed.TryGetValue(e, out var s)) return s;
        foreach (var rule in _rules)
            if (rule(e) is { } r) return r;
        return StructuralSign.Of(e, this);
    }

    public bool Proves(Expr e, SignSet required, string rule)
    {
        var proved = SignOf(e).Within(required);
        Asked.Add((e, required, rule, proved));
        return proved;
    }
}
