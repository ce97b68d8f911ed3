using System.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra;

/// <summary>
/// The factor theorem: a polynomial in x vanishes at x = c exactly when x - c divides it. Two sums
/// that are polynomials in a symbol x (coefficients of any kind) and vanish at the same c share the
/// factor x - c, which cancels once it is proved non-zero. The candidates for c: the root of a sum
/// linear in x, and the rational roots of a sum whose first and last coefficients are whole numbers.
/// So (rho - 2*sigma + sigma^2 - rho*sigma + 1)/(sigma - 1) = sigma - rho - 1 and
/// (phi - phi^2 - sE + phi^2*sE)/(2*phi - phi^2 - 1) = (sE*(phi + 1) - phi)/(1 - phi), which a gcd in one
/// atom with rational coefficients cannot do.
/// </summary>
public static class CommonRoot
{
    const int MaxDegree = 8;
    const int MaxSize = 48;
    const int MaxCandidates = 16;

    /// <summary>p/q with a common factor x - c divided out of both; false when none is found. Tried often, so only on small sums.</summary>
    public static bool TryCancel(Sum p, Sum q, ISignOracle oracle, out Expr pReduced, out Expr qReduced)
    {
        pReduced = p; qReduced = q;
        if (Simplifier.Size(p) > MaxSize || Simplifier.Size(q) > MaxSize) return false;
        foreach (var x in q.FreeSymbols().Where(p.Contains).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var pc = Coefficients(p, x, oracle);
            var qc = Coefficients(q, x, oracle);
            if (pc is null || qc is null) continue;
            foreach (var c in Candidates(qc, oracle).Concat(Candidates(pc, oracle)).Distinct().Take(MaxCandidates))
            {
                if (!Expansion.ExpandsToZero(Remainder(qc, c, oracle, out var qQuotient), oracle) || !Expansion.ExpandsToZero(Remainder(pc, c, oracle, out var pQuotient), oracle)) continue;
                var factor = Canonical.Add([x, Canonical.Mul([Expr.MinusOne, c], oracle)], oracle);
                if (!oracle.Proves(factor, SignSet.NonZero, Rationals.RuleCancel)) continue;
                pReduced = Build(pQuotient, x, oracle);
                qReduced = Build(qQuotient, x, oracle);
                return true;
            }
        }
        return false;
    }

    /// <summary>Roots worth trying: a linear polynomial's root; rational roots when the end coefficients are whole numbers.</summary>
    static IEnumerable<Expr> Candidates(Expr[] c, ISignOracle oracle)
    {
        // Built canonically, not simplified: this runs inside Cancel, which simplification calls.
        if (c.Length == 2)
            yield return Canonical.Mul([Expr.MinusOne, c[0], Canonical.Pow(c[1], Expr.MinusOne, oracle)], oracle);
        if (c[0] is Number { Value.IsInteger: true } last && c[^1] is Number { Value.IsInteger: true } lead && !last.Value.IsZero)
            foreach (var num in Divisors(last.Value.Numerator))
                foreach (var den in Divisors(lead.Value.Numerator))
                {
                    yield return Expr.Num(new Rational(num, den));
                    yield return Expr.Num(new Rational(-num, den));
                }
        if (c[0].Equals(Expr.Zero)) yield return Expr.Zero;
    }

    static IEnumerable<BigInteger> Divisors(BigInteger n)
    {
        n = BigInteger.Abs(n);
        for (BigInteger d = 1; d <= n && d <= 12; d++)
            if (n % d == 0) yield return d;
    }

    /// <summary>Synthetic division by x - c: the quotient's coefficients, and the remainder p(c).</summary>
    static Expr Remainder(Expr[] coefficients, Expr c, ISignOracle oracle, out Expr[] quotient)
    {
        var n = coefficients.Length - 1;
        quotient = new Expr[n];
        var carry = coefficients[n];
        for (int k = n - 1; k >= 0; k--)
        {
            quotient[k] = carry;
            carry = Canonical.Add([coefficients[k], Canonical.Mul([c, carry], oracle)], oracle);
        }
        return carry;
    }

    static Expr Build(Expr[] coefficients, Symbol x, ISignOracle oracle) =>
        Simplifier.SimplifySums(Canonical.Add(coefficients.Select((c, k) => Canonical.Mul([c, Canonical.Pow(x, Expr.Num(k), oracle)], oracle)).ToArray(), oracle), oracle);

    /// <summary>
    /// p's coefficients of x^0 .. x^n when p is written out as a polynomial in x of degree 1 .. MaxDegree:
    /// every term has x only as a factor x^k with k a whole number. Read off the terms as they stand,
    /// with no expansion, so the test stays cheap on the large sums it is mostly asked about.
    /// </summary>
    static Expr[]? Coefficients(Sum p, Symbol x, ISignOracle oracle)
    {
        var byDegree = new Dictionary<int, List<Expr>>();
        foreach (var term in p.Terms)
        {
            var degree = 0;
            var rest = new List<Expr>();
            foreach (var factor in term is Product product ? product.Factors.AsEnumerable() : [term])
            {
                if (factor.Equals(x)) degree += 1;
                else if (factor is Power { Base: var b, Exponent: Number { Value: { IsInteger: true, Sign: > 0 } } k } && b.Equals(x))
                {
                    if (k.Value.Numerator > MaxDegree) return null;
                    degree += (int)k.Value.Numerator;
                }
                else if (factor.Contains(x)) return null;
                else rest.Add(factor);
            }
            if (degree > MaxDegree) return null;
            if (!byDegree.TryGetValue(degree, out var list)) byDegree[degree] = list = [];
            list.Add(Canonical.Mul(rest, oracle));
        }
        var top = byDegree.Keys.Max();
        if (top < 1) return null;
        var result = new Expr[top + 1];
        for (int k = 0; k <= top; k++) result[k] = byDegree.TryGetValue(k, out var c) ? Canonical.Add(c, oracle) : Expr.Zero;
        return result;
    }
}
