using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// Exact derivatives of the special built-ins, in the built-ins themselves:
/// erf'(u) = 2 exp(−u²)/Γ(1/2) (Γ(1/2) = √π, which keeps π out of the number system) and
/// Γ'(u) = Γ(u) ψ(u). The derivative of ψ (the trigamma function) is not a built-in, so it is an
/// error rather than an unevaluable call.
/// </summary>
internal static class SpecialDerivatives
{
    public static bool IsSpecial(Call c) => c.Name is "erf" or "tgamma" or "digamma";

    public static Expr Derivative(Call c, ISignOracle oracle)
    {
        var u = c.Arguments[0];
        switch (c.Name)
        {
            case "erf":
                var gaussian = Canonical.Exp(Canonical.Mul([Expr.MinusOne, Canonical.Pow(u, Expr.Num(2, 1), oracle)], oracle), oracle);
                var sqrtPi = Expr.Call("tgamma", Expr.OneHalf);
                return Canonical.Mul([Expr.Num(2, 1), gaussian, Canonical.Pow(sqrtPi, Expr.MinusOne, oracle)], oracle);
            case "tgamma":
                return Canonical.Mul([c, Expr.Call("digamma", u)], oracle);
            default:
                throw new DifferentiationException(
                    $"cannot differentiate {c}: the derivative of digamma (the trigamma function) is not a built-in function");
        }
    }
}
