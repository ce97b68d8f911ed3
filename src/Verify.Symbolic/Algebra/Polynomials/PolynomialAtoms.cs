using System.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra.Polynomials;

/// <summary>
/// The variables expressions are read in as polynomials: every factor of a term that is not a
/// number, a sum or a whole power of a sum is an atom b^(d*u) with d a positive rational — a
/// symbol, phi^beta, (x + 1)^(1/2), ln(x). The powers of one base with one symbolic unit u are one
/// variable, the generator t = b^(s*u) with s the gcd of their d (phi^beta and phi^(2*beta) are t
/// and t^2 in t = phi^beta; x^(1/2) and x are t and t^2 in t = x^(1/2)). A factor with a negative
/// exponent is an atom of its own. Reading treats the atoms as independent, which is always sound:
/// an identity between polynomials holds whatever values the variables take.
/// </summary>
public sealed class PolynomialAtoms
{
    /// <summary>The largest power of a sum multiplied out while reading, and the largest degree in one variable.</summary>
    const int MaxPowerOfSum = 8;
    const int MaxDegree = 64;

    readonly List<(Expr Base, Expr Unit)> _keys = [];
    readonly Dictionary<(Expr Base, Expr Unit), int> _index = [];
    readonly List<Rational> _steps = [];
    readonly int _maxTerms;

    PolynomialAtoms(int maxTerms) { _maxTerms = maxTerms; }

    public int Count => _keys.Count;

    /// <summary>The variables for reading all of <paramref name="expressions"/>; null when some atom's degrees are out of range.</summary>
    public static PolynomialAtoms? For(IEnumerable<Expr> expressions, int maxTerms = 2000)
    {
        var atoms = new PolynomialAtoms(maxTerms);
        var degrees = new List<List<Rational>>();
        foreach (var e in expressions) atoms.Register(e, degrees);
        foreach (var ds in degrees)
        {
            var step = ds.Aggregate(RationalGcd);
            if (ds.Any(d => d / step > MaxDegree)) return null;
            atoms._steps.Add(step);
        }
        return atoms;
    }

    void Register(Expr e, List<List<Rational>> degrees)
    {
        StackGuard.Ensure();
        foreach (var term in e is Sum s ? s.Terms.AsEnumerable() : [e])
            foreach (var factor in term is Product p ? p.Factors.AsEnumerable() : [term])
            {
                switch (Classify(factor))
                {
                    case (null, _, _): break;
                    case (Sum inner, null, _): Register(inner, degrees); break;
                    case var (b, unit, d):
                        var key = (b, unit!);
                        if (!_index.TryGetValue(key, out var i))
                        {
                            _index[key] = i = _keys.Count;
                            _keys.Add(key);
                            degrees.Add([]);
                        }
                        degrees[i].Add(d);
                        break;
                }
            }
    }

    /// <summary>
    /// A factor of a term: a number (null base), a sum to multiply out (the sum, no unit, its power),
    /// or an atom b^(d*u) as (b, u, d).
    /// </summary>
    static (Expr? Base, Expr? Unit, Rational Degree) Classify(Expr factor)
    {
        switch (factor)
        {
            case Number: return (null, null, Rational.Zero);
            case Sum s: return (s, null, Rational.One);
            case Power { Base: Sum s, Exponent: Number { Value: { IsInteger: true, Sign: > 0 } k } } when k.Numerator <= MaxPowerOfSum:
                return (s, null, k);
        }
        var (b, exponent) = Canonical.SplitPower(factor);
        var (d, unit) = SplitExponent(exponent);
        return d.Sign > 0 ? (b, unit, d) : (factor, Expr.One, Rational.One);
    }

    /// <summary>
    /// An exponent as d * unit with the numbers of its sums moved into d, so that
    /// (2*rho - 2*sigma + 2)/(sigma - 1) and (rho - sigma + 1)/(sigma - 1) share the unit (rho - sigma + 1)/(sigma - 1).
    /// </summary>
    static (Rational Degree, Expr Unit) SplitExponent(Expr exponent)
    {
        var (d, unit) = Canonical.SplitCoefficient(exponent);
        var factors = unit is Product p ? p.Factors.ToArray() : [unit];
        var changed = false;
        for (int i = 0; i < factors.Length; i++)
        {
            if (factors[i] is not Sum s) continue;
            var content = s.Terms.Select(t => Canonical.SplitCoefficient(t).Coefficient).Aggregate(RationalGcd);
            if (content.IsOne || content.IsZero) continue;
            factors[i] = Expr.Add(s.Terms.Select(t => Expr.Mul(Expr.Num(content.Reciprocal()), t)).ToArray());
            d *= content;
            changed = true;
        }
        return changed ? (d, Expr.Mul(factors)) : (d, unit);
    }

    static Rational RationalGcd(Rational a, Rational b) =>
        new(BigInteger.GreatestCommonDivisor(a.Numerator, b.Numerator), a.Denominator / BigInteger.GreatestCommonDivisor(a.Denominator, b.Denominator) * b.Denominator);

    /// <summary>e as a polynomial in these variables; null when an atom is unknown or it has more terms than allowed.</summary>
    public SparsePolynomial? Read(Expr e)
    {
        StackGuard.Ensure();
        var result = SparsePolynomial.Zero(Count);
        foreach (var term in e is Sum s ? s.Terms.AsEnumerable() : [e])
        {
            var product = SparsePolynomial.Constant(Count, Rational.One);
            var exponents = new int[Count];
            foreach (var factor in term is Product p ? p.Factors.AsEnumerable() : [term])
            {
                switch (Classify(factor))
                {
                    case (null, _, _):
                        product = product.Scale(((Number)factor).Value);
                        break;
                    case (Sum inner, null, var k):
                        if (Read(inner) is not { } sum) return null;
                        for (int i = 0; i < (int)k.Numerator; i++)
                        {
                            if ((long)product.TermCount * sum.TermCount > _maxTerms) return null;
                            product = product.Multiply(sum);
                        }
                        break;
                    case var (b, unit, d):
                        if (!_index.TryGetValue((b, unit!), out var v)) return null;
                        exponents[v] += (int)(d / _steps[v]).Numerator;
                        break;
                }
            }
            result = result.Add(product.MultiplyTerm(new Monomial(exponents), Rational.One));
            if (result.TermCount > _maxTerms) return null;
        }
        return result;
    }

    /// <summary>The expression of a polynomial: each variable^k written b^(k*s*u).</summary>
    public Expr Write(SparsePolynomial p, ISignOracle oracle)
    {
        var terms = new List<Expr>();
        foreach (var (m, c) in p.Terms.OrderByDescending(t => t.Key))
        {
            var factors = new List<Expr> { Expr.Num(c) };
            for (int v = 0; v < Count; v++)
                if (m[v] > 0) factors.Add(Canonical.Pow(_keys[v].Base, Canonical.Mul([Expr.Num(_steps[v] * m[v]), _keys[v].Unit], oracle), oracle));
            terms.Add(Canonical.Mul(factors, oracle));
        }
        return Canonical.Add(terms, oracle);
    }

    /// <summary>
    /// True when every variable of degree 2 or more in <paramref name="p"/> obeys (b^(s*u))^k = b^(k*s*u):
    /// always when s*u is a whole number, otherwise only for b &gt;= 0, which the oracle must prove.
    /// </summary>
    public bool PowersSplit(SparsePolynomial p, ISignOracle oracle)
    {
        for (int v = 0; v < Count; v++)
        {
            if (p.Degree(v) < 2) continue;
            var generator = Canonical.Mul([Expr.Num(_steps[v]), _keys[v].Unit], oracle);
            if (generator is Number { Value.IsInteger: true }) continue;
            if (!oracle.Proves(_keys[v].Base, SignSet.NonNegative, Rationals.RuleSplitPower)) return false;
        }
        return true;
    }
}
