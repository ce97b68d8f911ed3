using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra;

/// <summary>
/// The factor theorem: a polynomial p in x vanishes at x = c exactly when x - c divides it. So a
/// sum q = a*x + b, linear in a symbol x (a free of x, proved non-zero), divides a sum p that is a
/// polynomial in x (coefficients of any kind) when p at x = -b/a expands to zero; the quotient
/// comes from synthetic division. Cancels (rho - 2*sigma + sigma^2 - rho*sigma + 1)/(sigma - 1)
/// to sigma - rho - 1, which a gcd in one atom with rational coefficients cannot.
/// </summary>
public static class LinearFactor
{
    const int MaxDegree = 8;
    const int MaxDivisorTerms = 4;
    const int MaxSize = 200;

    /// <summary>p/q reduced by a linear factor that q is and p contains (or the reverse); false when there is none.</summary>
    public static bool TryCancel(Sum p, Sum q, ISignOracle oracle, out Expr pReduced, out Expr qReduced)
    {
        if (TryDivide(p, q, oracle, out var quotient, out var slope)) { pReduced = quotient; qReduced = slope; return true; }
        if (TryDivide(q, p, oracle, out quotient, out slope)) { pReduced = slope; qReduced = quotient; return true; }
        pReduced = p; qReduced = q;
        return false;
    }

    /// <summary>When <paramref name="divisor"/> = a*x + b and it divides <paramref name="p"/>: p = (x + b/a)*quotient, divisor = a*(x + b/a).</summary>
    static bool TryDivide(Sum p, Sum divisor, ISignOracle oracle, out Expr quotient, out Expr slope)
    {
        quotient = p; slope = Expr.One;
        // A cheap test, tried often: only small divisors and moderate polynomials.
        if (divisor.Terms.Length > MaxDivisorTerms || Simplifier.Size(p) > MaxSize) return false;
        foreach (var x in divisor.FreeSymbols().Where(p.Contains).OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            var linear = Collection.Collect(divisor, x);
            if (linear.Count != 2 || !linear.TryGetValue(Expr.One, out var a) || !linear.TryGetValue(Expr.Zero, out var b)) continue;
            if (a.Contains(x) || b.Contains(x)) continue;
            var root = Simplifier.Simplify(Canonical.Mul([Expr.MinusOne, b, Canonical.Pow(a, Expr.MinusOne, oracle)], oracle), oracle);
            var coefficients = Coefficients(p, x);
            if (coefficients is null) continue;
            // Synthetic division by x - root: the last remainder is p(root).
            var n = coefficients.Length - 1;
            var q = new Expr[n];
            var carry = coefficients[n];
            for (int k = n - 1; k >= 0; k--)
            {
                q[k] = carry;
                carry = Canonical.Add([coefficients[k], Canonical.Mul([root, carry], oracle)], oracle);
            }
            if (!Rationals.Cancel(Rationals.Together(Expansion.Expand(carry, oracle), oracle), oracle).Equals(Expr.Zero)) continue;
            if (!oracle.Proves(divisor, SignSet.NonZero, Rationals.RuleCancel) || !oracle.Proves(a, SignSet.NonZero, Rationals.RuleCancel)) continue;
            quotient = Simplifier.SimplifySums(Canonical.Add(q.Select((c, k) => Canonical.Mul([c, Canonical.Pow(x, Expr.Num(k), oracle)], oracle)).ToArray(), oracle), oracle);
            slope = a;
            return true;
        }
        return false;
    }

    /// <summary>p's coefficients of x^0 .. x^n when p is a polynomial in x of degree 1 .. MaxDegree; else null.</summary>
    static Expr[]? Coefficients(Expr p, Symbol x)
    {
        var collected = Collection.Collect(p, x);
        var degree = 0;
        foreach (var k in collected.Keys)
        {
            if (k is not Number { Value: { IsInteger: true, Sign: >= 0 } } n || n.Value.Numerator > MaxDegree) return null;
            if (collected[k].Contains(x)) return null;
            degree = Math.Max(degree, (int)n.Value.Numerator);
        }
        if (degree < 1) return null;
        var result = new Expr[degree + 1];
        for (int k = 0; k <= degree; k++) result[k] = collected.TryGetValue(Expr.Num(k), out var c) ? c : Expr.Zero;
        return result;
    }
}
