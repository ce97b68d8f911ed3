using Verify.Symbolic.Core;

namespace Verify.Proofs.Tests;

/// <summary>Symbols and box helpers shared by the tests.</summary>
internal static class Claims
{
    public static readonly Symbol X = Expr.Sym("x");
    public static readonly Symbol Y = Expr.Sym("y");
    public static readonly Symbol P = Expr.Sym("p");
    public static readonly Symbol B = Expr.Sym("b");
    public static readonly Symbol Sigma = Expr.Sym("sigma");
    public static readonly Symbol Rho = Expr.Sym("rho");

    public static Dictionary<Symbol, (double Lo, double Hi)> Box(params (Symbol Symbol, double Lo, double Hi)[] ranges) =>
        ranges.ToDictionary(r => r.Symbol, r => (r.Lo, r.Hi));
}
