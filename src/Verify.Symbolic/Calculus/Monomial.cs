using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// A term read as Coefficient · t^Exponent with coefficient and exponent free of t.
/// <see cref="Polynomial"/> is true when every power of t in the term had a non-negative integer
/// exponent, so combining them into one power was valid for every real t; otherwise the reading
/// holds where t &gt; 0 only.
/// </summary>
internal readonly record struct Monomial(Expr Coefficient, Expr Exponent, bool Polynomial)
{
    /// <summary>Reads <paramref name="term"/>; on failure <paramref name="obstacle"/> is the factor that is not a power of t.</summary>
    public static bool TryRead(Expr term, Symbol t, ISignOracle oracle, out Monomial monomial, out Expr? obstacle)
    {
        var coefficient = new List<Expr>();
        var exponents = new List<Expr>();
        var polynomial = true;
        IReadOnlyList<Expr> factors = term is Product p ? p.Factors : [term];
        foreach (var f in factors)
        {
            if (!f.Contains(t)) { coefficient.Add(f); continue; }
            Expr exponent;
            if (f.Equals(t)) exponent = Expr.One;
            else if (f is Power pw && pw.Base.Equals(t) && !pw.Exponent.Contains(t)) exponent = pw.Exponent;
            else { monomial = default; obstacle = f; return false; }
            polynomial &= exponent is Number { Value: { IsInteger: true, Sign: >= 0 } };
            exponents.Add(exponent);
        }
        monomial = new Monomial(Canonical.Mul(coefficient, oracle), Canonical.Add(exponents, oracle), polynomial);
        obstacle = null;
        return true;
    }
}
