using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Assumptions;

using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

/// <summary>The paper's parameters and their domains, written as relations in code.</summary>
public static class Model
{
    public static readonly Symbol Sigma = Sym("sigma", SymbolSign.Positive);
    public static readonly Symbol Rho = Sym("rho", SymbolSign.Positive);
    public static readonly Symbol SE = Sym("sE", SymbolSign.Positive);
    public static readonly Symbol Phi = Sym("phi", SymbolSign.NonNegative);
    public static readonly Symbol F = Sym("f", SymbolSign.Positive);
    public static readonly Symbol FI = Sym("fI", SymbolSign.Positive);
    public static readonly Symbol Beta = Sym("beta", SymbolSign.Positive);
    public static readonly Symbol Alpha = Sym("alpha", SymbolSign.Positive);
    public static readonly Symbol A = Sym("a", SymbolSign.Positive);
    public static readonly Symbol AD = Sym("aD", SymbolSign.Positive);
    public static readonly Symbol AX = Sym("aX", SymbolSign.Positive);

    public static Relation Gt(Expr l, Expr r) => new(l, RelationOperator.Greater, r);
    public static Relation Ge(Expr l, Expr r) => new(l, RelationOperator.GreaterOrEqual, r);
    public static Relation Lt(Expr l, Expr r) => new(l, RelationOperator.Less, r);
    public static Relation Le(Expr l, Expr r) => new(l, RelationOperator.LessOrEqual, r);
    public static Relation Eq(Expr l, Expr r) => new(l, RelationOperator.Equal, r);

    /// <summary>The primitives' domains.</summary>
    public static IEnumerable<Relation> Primitives =>
    [
        Gt(Sigma, 1), Gt(Rho, Sigma - 1), Lt(OneHalf, SE), Lt(SE, 1), Le(0, Phi), Lt(Phi, 1),
        Gt(F, 0), Gt(FI, 0), Lt((Beta - 1) * FI, F),
    ];

    /// <summary>beta and alpha as symbols of their own with their bounds, plus a and the cut-offs.</summary>
    public static Assumptions Declared() => new(
    [
        .. Primitives, Gt(Beta, 1), Gt(Alpha, 0),
        Gt(A, 0), Le(A, 1), Gt(AD, 0), Lt(AD, 1), Gt(AX, 0), Lt(AX, 1),
    ]);

    /// <summary>Boxes around the symbols of <see cref="Support.ExprGenerators"/> that hold its points, plus r - x &lt;= 2.</summary>
    public static Assumptions GeneratorBoxes()
    {
        var x = Support.ExprGenerators.X; var y = Support.ExprGenerators.Y; var z = Support.ExprGenerators.Z; var r = Support.ExprGenerators.R;
        return new(
        [
            Ge(x, Num(1, 4)), Le(x, 3), Ge(y, Num(1, 4)), Le(y, 3), Ge(z, Num(1, 4)), Le(z, 3),
            Ge(r, -2), Le(r, 2), Le(r - x, 2),
        ]);
    }

    /// <summary>beta and alpha defined from the primitives.</summary>
    public static Assumptions Derived() => new(
    [
        .. Primitives, Eq(Beta, Rho / (Sigma - 1)), Eq(Alpha, Rho + 1 - Sigma), Gt(Beta, 1), Gt(Alpha, 0),
    ]);
}
