using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// A condition a result relies on: <see cref="Expression"/> has a sign in <see cref="Sign"/>,
/// required by the rule named in <see cref="Rule"/> (e.g. rho - sigma + 1 &gt; 0 for convergence).
/// </summary>
public sealed record SideCondition(Expr Expression, SignSet Sign, string Rule)
{
    /// <summary>The condition as a relation "Expression op 0".</summary>
    public Relation AsRelation() => new(Expression, Sign switch
    {
        SignSet.Positive => RelationOperator.Greater,
        SignSet.NonNegative => RelationOperator.GreaterOrEqual,
        SignSet.Negative => RelationOperator.Less,
        SignSet.NonPositive => RelationOperator.LessOrEqual,
        SignSet.Zero => RelationOperator.Equal,
        SignSet.NonZero => RelationOperator.NotEqual,
        _ => throw new InvalidOperationException($"the sign set {Sign} is not a single relation"),
    }, Expr.Zero);

    public SideCondition Substitute(Expr target, Expr replacement, ISignOracle oracle) =>
        this with { Expression = Expression.Substitute(target, replacement, oracle) };

    public override string ToString() => $"{Expression} {Sign.Describe()} ({Rule})";
}
