namespace Verify.Symbolic.Core;

public enum RelationOperator { Less, LessOrEqual, Greater, GreaterOrEqual, Equal, NotEqual }

/// <summary>A relation Left op Right between expressions, such as rho &gt; sigma - 1.</summary>
public sealed record Relation(Expr Left, RelationOperator Operator, Expr Right)
{
    /// <summary>The relation as "Left - Right has a sign in this set" (e.g. a &gt; b is a - b ∈ Positive).</summary>
    public (Expr Difference, SignSet Sign) AsSign() => (Expr.Sub(Left, Right), Operator switch
    {
        RelationOperator.Less => SignSet.Negative,
        RelationOperator.LessOrEqual => SignSet.NonPositive,
        RelationOperator.Greater => SignSet.Positive,
        RelationOperator.GreaterOrEqual => SignSet.NonNegative,
        RelationOperator.Equal => SignSet.Zero,
        _ => SignSet.NonZero,
    });

    public static string Symbol(RelationOperator op) => op switch
    {
        RelationOperator.Less => "<", RelationOperator.LessOrEqual => "<=",
        RelationOperator.Greater => ">", RelationOperator.GreaterOrEqual => ">=",
        RelationOperator.Equal => "=", _ => "!=",
    };

    /// <summary>Whether the relation holds for two numbers.</summary>
    public static bool Holds(double left, RelationOperator op, double right) => op switch
    {
        RelationOperator.Less => left < right, RelationOperator.LessOrEqual => left <= right,
        RelationOperator.Greater => left > right, RelationOperator.GreaterOrEqual => left >= right,
        RelationOperator.Equal => left == right, _ => left != right,
    };

    public override string ToString() => $"{Left} {Symbol(Operator)} {Right}";
}
