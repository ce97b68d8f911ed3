using Verify.Symbolic.Core;
using Verify.Symbolic.Text;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Text;

/// <summary>The symbols and contexts the text-layer tests share: the generators' x, y, z, r plus the paper's names.</summary>
static class TextSymbols
{
    public static readonly Symbol X = Support.ExprGenerators.X;
    public static readonly Symbol Y = Support.ExprGenerators.Y;
    public static readonly Symbol Z = Support.ExprGenerators.Z;
    public static readonly Symbol R = Support.ExprGenerators.R;
    public static readonly Symbol A = Sym("a", SymbolSign.Positive);        // an integration variable
    public static readonly Symbol Sigma = Sym("sigma", SymbolSign.Positive);
    public static readonly Symbol Rho = Sym("rho", SymbolSign.Positive);
    public static readonly Symbol Phi = Sym("phi", SymbolSign.NonNegative);
    public static readonly Symbol SE = Sym("s_E");
    public static readonly Symbol S = Sym("s");
    public static readonly Symbol T = Sym("t");

    /// <summary>Strict: every name used must be one of these; F takes two arguments, G one.</summary>
    public static readonly ParseContext Context = ParseContext.Default
        .WithSymbols(X, Y, Z, R, A, Sigma, Rho, Phi, SE, S, T)
        .WithFunction("F", 2)
        .WithFunction("G", 1)
        .Strict();
}
