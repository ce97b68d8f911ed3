using Verify.Symbolic.Core;

namespace Verify.Derivation.Steps;

/// <summary>A labelled equation Left = Right taking part in a derivation.</summary>
public sealed record Equation(string Label, Expr Left, Expr Right)
{
    public Relation AsRelation() => new(Left, RelationOperator.Equal, Right);

    /// <summary>Left − Right, the residual that is zero at a solution.</summary>
    public Expr Residual => Expr.Sub(Left, Right);

    public Equation Map(Func<Expr, Expr> f) => this with { Left = f(Left), Right = f(Right) };

    public override string ToString() => $"{Label}: {Left} = {Right}";
}
