using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// Exact derivatives of the special built-ins, in the built-ins themselves:
/// erf'(u) = 2 exp(−u²)/Γ(1/2) (Γ(1/2) = √π, which keeps π out of the number system),
/// Γ'(u) = Γ(u) ψ(u) and ∂P(s, x)/∂x = x^(s−1) e^(−x)/Γ(s). The derivative of ψ (the trigamma
/// function) and ∂P/∂s (a hypergeometric series) are not built-ins, so they are errors rather
/// than unevaluable calls.
/// </summary>
internal static class SpecialDerivatives
{
    public static bool IsSpecial(Call c) =>
        c.Partials.IsEmpty && (c.Name is "erf" or "tgamma" or "digamma" && c.Arguments.Length == 1
                               || c.Name == "gammainc" && c.Arguments.Length == 2);

    /// <summary>d/dx of the call, given the derivatives <paramref name="dargs"/> of its arguments (chain rule included).</summary>
    public static Expr Derivative(Call c, Expr[] dargs, Symbol x, ISignOracle oracle)
    {
        if (c.Name == "gammainc") return GammaIncDerivative(c, dargs, x, oracle);
        return Canonical.Mul([Outer(c, oracle), dargs[0]], oracle);
    }

    static Expr Outer(Call c, ISignOracle oracle)
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

    static Expr GammaIncDerivative(Call c, Expr[] dargs, Symbol x, ISignOracle oracle)
    {
        if (!(dargs[0] is Number { Value.IsZero: true }))
            throw new DifferentiationException(
                $"cannot differentiate {c} with respect to {x.Name}: its first argument depends on {x.Name}, " +
                "and the derivative of gammainc in its first argument is not a built-in function");
        var (s, v) = (c.Arguments[0], c.Arguments[1]);
        var density = Canonical.Mul([
            Canonical.Pow(v, Canonical.Add([s, Expr.MinusOne], oracle), oracle),
            Canonical.Exp(Canonical.Mul([Expr.MinusOne, v], oracle), oracle),
            Canonical.Pow(Expr.Call("tgamma", s), Expr.MinusOne, oracle)], oracle);
        return Canonical.Mul([density, dargs[1]], oracle);
    }
}
