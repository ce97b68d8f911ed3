using Verify.Derivation.Results;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Evaluation;

/// <summary>
/// An oracle that also knows the sign of each implicit function's values from its unknown's
/// declared domain (aD_autarky(...) > 0, as 0 &lt; aD): the root is searched inside that domain, so
/// the fact holds wherever the function has a value. Everything else is the inner oracle's.
/// </summary>
sealed class ImplicitSigns(ISignOracle inner, IEnumerable<ImplicitUnknown> unknowns) : ISignOracle
{
    readonly Dictionary<string, SignSet> _signs = unknowns
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
        e is Call { Partials.IsEmpty: true } c && _signs.TryGetValue(c.Name, out var s) ? s : inner.SignOf(e);

    public bool Proves(Expr e, SignSet required, string rule) =>
        e is Call { Partials.IsEmpty: true } c && _signs.TryGetValue(c.Name, out var s) ? s.Within(required) : inner.Proves(e, required, rule);

    public IReadOnlyList<Relation> DomainOf(Symbol x) => inner.DomainOf(x);
}
