using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>
/// Reads an unknown's declared domain (relations such as 0 &lt; aR, aR &lt;= aD) as the bounds
/// of a <see cref="RawUnknown"/>. A relation that is not a bound on the unknown alone is a
/// problem, reported, not guessed at.
/// </summary>
public static class UnknownDomain
{
    public static (RawUnknown Unknown, List<string> Problems) Read(Symbol unknown, IEnumerable<Relation> domain, Func<Expr, Expr> prepare)
    {
        Expr? lower = null, upper = null;
        bool lowerStrict = true, upperStrict = true;
        var problems = new List<string>();
        foreach (var relation in domain)
        {
            if (AsBound(unknown, relation) is not { } bound)
            {
                problems.Add($"the domain relation {relation} of '{unknown.Name}' is not a bound on it");
                continue;
            }
            var value = prepare(bound.Value);
            if (bound.IsLower)
            {
                if (lower is not null) problems.Add($"'{unknown.Name}' has more than one lower bound");
                (lower, lowerStrict) = (value, bound.Strict);
            }
            else
            {
                if (upper is not null) problems.Add($"'{unknown.Name}' has more than one upper bound");
                (upper, upperStrict) = (value, bound.Strict);
            }
        }
        return (new RawUnknown(unknown, lower, upper, lowerStrict, upperStrict), problems);
    }

    /// <summary>x &gt; e, e &lt; x, ... as (is lower, e, strict); null when neither side is the unknown alone.</summary>
    static (bool IsLower, Expr Value, bool Strict)? AsBound(Symbol x, Relation r)
    {
        var op = r.Operator;
        if (r.Left.Equals(x) && !r.Right.Contains(x))
            return op switch
            {
                RelationOperator.Greater => (true, r.Right, true),
                RelationOperator.GreaterOrEqual => (true, r.Right, false),
                RelationOperator.Less => (false, r.Right, true),
                RelationOperator.LessOrEqual => (false, r.Right, false),
                _ => null,
            };
        if (r.Right.Equals(x) && !r.Left.Contains(x))
            return op switch
            {
                RelationOperator.Less => (true, r.Left, true),
                RelationOperator.LessOrEqual => (true, r.Left, false),
                RelationOperator.Greater => (false, r.Left, true),
                RelationOperator.GreaterOrEqual => (false, r.Left, false),
                _ => null,
            };
        return null;
    }
}
