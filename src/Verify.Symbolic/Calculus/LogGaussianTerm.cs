using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// A term read as c · t^p · exp(q·(ln t)² + r·ln t + k) with c, p, q, r, k free of t: a power of t
/// times a log-normal kernel. With L = ln t it is c · exp(q L² + (r + p + 1) L + k) dL, a Gaussian
/// in L when q &lt; 0, whose integral is an erf (<see cref="Integration"/>).
/// </summary>
internal readonly record struct LogGaussianTerm(Expr Coefficient, Expr Power, Expr Quadratic, Expr Linear, Expr Constant)
{
    /// <summary>Reads the term; false when a factor is neither free of t, a power of t, nor exp of a quadratic in ln t.</summary>
    public static bool TryRead(Expr term, Symbol t, ISignOracle oracle, out LogGaussianTerm read)
    {
        read = default;
        var coefficient = new List<Expr>();
        var powers = new List<Expr>();
        var exponents = new List<Expr>();
        IReadOnlyList<Expr> factors = term is Product p ? p.Factors : [term];
        foreach (var f in factors)
        {
            if (!f.Contains(t)) coefficient.Add(f);
            else if (f.Equals(t)) powers.Add(Expr.One);
            else if (f is Power pw && pw.Base.Equals(t) && !pw.Exponent.Contains(t)) powers.Add(pw.Exponent);
            else if (f is Exponential e) exponents.Add(e.Argument);
            else return false;
        }
        if (exponents.Count == 0) return false;
        var inLog = PolynomialInLog(Canonical.Add(exponents, oracle), t, oracle);
        if (inLog is null) return false;
        var (quadratic, linear, constant) = inLog.Value;
        // Only a true Gaussian in ln t is this term's business; exp(r·ln t) is a power, read elsewhere.
        if (quadratic is Number { Value.IsZero: true }) return false;
        read = new LogGaussianTerm(Canonical.Mul(coefficient, oracle), Canonical.Add(powers, oracle), quadratic, linear, constant);
        return true;
    }

    /// <summary>The coefficients of (ln t)², ln t and 1 in e, or null when e is not such a polynomial.</summary>
    static (Expr Quadratic, Expr Linear, Expr Constant)? PolynomialInLog(Expr e, Symbol t, ISignOracle oracle)
    {
        var terms = TermExpansion.Terms(e, oracle, expandIntegerPowers: true);
        if (terms is null) return null;
        var byDegree = new[] { new List<Expr>(), new List<Expr>(), new List<Expr>() };
        var lnT = Canonical.Ln(t, oracle);
        foreach (var term in terms)
        {
            int degree = 0;
            var rest = new List<Expr>();
            IReadOnlyList<Expr> factors = term is Product p ? p.Factors : [term];
            foreach (var f in factors)
            {
                if (!f.Contains(t)) rest.Add(f);
                else if (f.Equals(lnT)) degree += 1;
                else if (f is Power { Exponent: Number { Value: { IsInteger: true, Sign: > 0 } } n } pw && pw.Base.Equals(lnT)) degree += (int)n.Value.Numerator;
                else return null;
            }
            if (degree > 2) return null;
            byDegree[degree].Add(Canonical.Mul(rest, oracle));
        }
        return (Canonical.Add(byDegree[2], oracle), Canonical.Add(byDegree[1], oracle), Canonical.Add(byDegree[0], oracle));
    }
}
