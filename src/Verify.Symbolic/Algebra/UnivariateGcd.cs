using System.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra;

/// <summary>
/// The greatest common divisor of two sums that are polynomials with rational coefficients in
/// one atom t = b^u (u may be symbolic: phi^beta - 1 and phi^(2*beta) - 1 are t - 1 and t^2 - 1
/// in t = phi^beta). Euclid's algorithm over the rationals; the quotients are exact.
/// </summary>
public static class UnivariateGcd
{
    /// <summary>
    /// p/q with their common polynomial factor g removed, when there is one of positive degree
    /// and the oracle proves g non-zero (recorded under <see cref="Rationals.RuleCancel"/>).
    /// </summary>
    public static bool TryCancel(Sum p, Sum q, ISignOracle oracle, out Expr pReduced, out Expr qReduced)
    {
        pReduced = p; qReduced = q;
        var pTerms = Terms(p);
        var qTerms = Terms(q);
        if (pTerms is null || qTerms is null) return false;
        var atoms = pTerms.Concat(qTerms).Where(t => t.Base is not null).Select(t => (t.Base!, t.Unit!)).Distinct().ToList();
        if (atoms.Count != 1) return false;
        var (b, unit) = atoms[0];
        // The generator's exponent: unit times the gcd of all degrees, so every degree is a whole number.
        var step = pTerms.Concat(qTerms).Where(t => t.Base is not null).Select(t => t.Degree).Aggregate(RationalGcd);
        var P = Polynomial(pTerms, step);
        var Q = Polynomial(qTerms, step);
        if (P is null || Q is null) return false;
        var g = Gcd(P, Q);
        if (g.Length < 2) return false;   // a constant: nothing in common
        // (b^(s*u))^k = b^(k*s*u) for whole k: true for b >= 0, and for any b when s*u is a whole number.
        var generatorExponent = Expr.Mul(Expr.Num(step), unit);
        if (!(generatorExponent is Number { Value.IsInteger: true }) && !oracle.Proves(b, SignSet.NonNegative, Rationals.RuleSplitPower)) return false;
        var atom = Expr.Pow(b, generatorExponent);
        if (!oracle.Proves(Build(g, atom), SignSet.NonZero, Rationals.RuleCancel)) return false;
        pReduced = Build(Divide(P, g), atom);
        qReduced = Build(Divide(Q, g), atom);
        return true;
    }

    /// <summary>Each term as coefficient * b^(degree*unit); a term free of b has no base. Null when a term is not of that form.</summary>
    static List<(Rational Coefficient, Expr? Base, Expr? Unit, Rational Degree)>? Terms(Sum s)
    {
        var list = new List<(Rational, Expr?, Expr?, Rational)>();
        foreach (var t in s.Terms)
        {
            var (c, rest) = Canonical.SplitCoefficient(t);
            if (rest is Number) { list.Add((c * ((Number)rest).Value, null, null, Rational.Zero)); continue; }
            if (rest is Product) return null;   // another factor: a coefficient that is not a number
            var (b, k) = Canonical.SplitPower(rest);
            var (degree, unit) = Canonical.SplitCoefficient(k);
            if (degree.Sign <= 0) return null;
            list.Add((c, b, unit, degree));
        }
        return list;
    }

    static Rational RationalGcd(Rational a, Rational b) =>
        new(BigInteger.GreatestCommonDivisor(a.Numerator, b.Numerator), a.Denominator / BigInteger.GreatestCommonDivisor(a.Denominator, b.Denominator) * b.Denominator);

    /// <summary>Coefficients in increasing degree (of t = b^(step*unit)).</summary>
    static Rational[]? Polynomial(List<(Rational Coefficient, Expr? Base, Expr? Unit, Rational Degree)> terms, Rational step)
    {
        var degrees = terms.Select(t => t.Degree / step).ToList();
        if (degrees.Any(d => !d.IsInteger) || degrees.Max() > new Rational(64, 1)) return null;
        var coefficients = Enumerable.Repeat(Rational.Zero, (int)degrees.Max().Numerator + 1).ToArray();
        for (int i = 0; i < terms.Count; i++) coefficients[(int)degrees[i].Numerator] += terms[i].Coefficient;
        return Trim(coefficients);
    }

    static Rational[] Trim(Rational[] a)
    {
        int n = a.Length;
        while (n > 0 && a[n - 1].IsZero) n--;
        return a[..n];
    }

    /// <summary>The monic gcd (an empty array for two zero polynomials).</summary>
    internal static Rational[] Gcd(Rational[] a, Rational[] b)
    {
        while (b.Length > 0) (a, b) = (b, Remainder(a, b));
        if (a.Length == 0) return a;
        var lead = a[^1];
        return a.Select(c => c / lead).ToArray();
    }

    static Rational[] Remainder(Rational[] a, Rational[] b) => DivideWithRemainder(a, b).Remainder;

    /// <summary>The exact quotient a/b (b divides a).</summary>
    internal static Rational[] Divide(Rational[] a, Rational[] b) => DivideWithRemainder(a, b).Quotient;

    static (Rational[] Quotient, Rational[] Remainder) DivideWithRemainder(Rational[] a, Rational[] b)
    {
        var r = (Rational[])a.Clone();
        var q = new Rational[Math.Max(1, a.Length - b.Length + 1)];
        Array.Fill(q, Rational.Zero);
        for (int k = a.Length - b.Length; k >= 0; k--)
        {
            var factor = r[k + b.Length - 1] / b[^1];
            q[k] = factor;
            for (int j = 0; j < b.Length; j++) r[k + j] -= factor * b[j];
        }
        return (Trim(q), Trim(r[..Math.Min(a.Length, b.Length - 1)]));   // a shorter than b: the remainder is a
    }

    static Expr Build(Rational[] coefficients, Expr atom) =>
        Expr.Add(coefficients.Select((c, i) => Expr.Mul(Expr.Num(c), Expr.Pow(atom, Expr.Num(i)))).ToArray());
}
