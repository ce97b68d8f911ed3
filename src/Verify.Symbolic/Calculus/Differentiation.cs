using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>Symbolic differentiation. (Placeholder signature; the implementation is in progress.)</summary>
public static class Differentiation
{
    public static Expr Derivative(Expr e, Symbol x, IFunctionDerivatives? functions = null, ISignOracle? oracle = null) =>
        throw new NotImplementedException("Differentiation is being implemented.");
}
