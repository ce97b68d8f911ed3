using Verify.Derivation.Results;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Solving;

/// <summary>
/// The oracle of a phase's implicit functions: it also knows the sign of each one's values from its
/// unknown's declared domain (aD_autarky(...) &gt; 0, as 0 &lt; aD), since the root is searched inside
/// that domain: the chain rule through aD^(sigma - 1) needs the fact. Everything else is the inner
/// oracle's. The list of unknowns is read when first asked (the deriver fills it after building this).
/// </summary>
public sealed class ImplicitSigns(ISignOracle inner, IReadOnlyList<ImplicitUnknown> unknowns) : ISignOracle
{
    /// <summary>The oracle without the implicit functions' signs (what a stored derivation writes).</summary>
    public ISignOracle Inner => inner;

    Dictionary<string, SignSet>? _known;

    Dictionary<string, SignSet> Signs => _known ??= unknowns
        .Select(u => (u.FunctionName, Sign: DeclaredSign(u)))
        .Where(x => x.Sign != SignSet.None).DistinctBy(x => x.FunctionName).ToDictionary(x => x.FunctionName, x => x.Sign);

    static SignSet DeclaredSign(ImplicitUnknown u)
    {
        var sign = SignSet.None;
        foreach (var r in u.Domain)
        {
            var lowerZero = r.Operator switch
            {
                RelationOperator.Less or RelationOperator.LessOrEqual => r.Right.Equals(u.Unknown) && r.Left is Number { Value.IsZero: true },
                RelationOperator.Greater or RelationOperator.GreaterOrEqual => r.Left.Equals(u.Unknown) && r.Right is Number { Value.IsZero: true },
                _ => false,
            };
            if (!lowerZero) continue;
            var strict = r.Operator is RelationOperator.Less or RelationOperator.Greater;
            sign = strict ? SignSet.Positive : sign == SignSet.Positive ? sign : SignSet.Positive | SignSet.Zero;
        }
        return sign;
    }

    public SignSet SignOf(Expr e) =>
        e is Call { Partials.IsEmpty: true } c && Signs.TryGetValue(c.Name, out var s) ? s : inner.SignOf(e);

    public bool Proves(Expr e, SignSet required, string rule) =>
        e is Call { Partials.IsEmpty: true } c && Signs.TryGetValue(c.Name, out var s) ? s.Within(required) : inner.Proves(e, required, rule);

    public IReadOnlyList<Relation> DomainOf(Symbol x) => inner.DomainOf(x);
}
