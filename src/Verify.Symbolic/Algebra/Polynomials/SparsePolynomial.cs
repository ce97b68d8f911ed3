using System.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra.Polynomials;

/// <summary>
/// An immutable polynomial with exact rational coefficients in a fixed number of variables,
/// stored sparsely as power product → non-zero coefficient. The variables have no names here:
/// <see cref="PolynomialAtoms"/> says which expression each one stands for.
/// </summary>
public sealed class SparsePolynomial
{
    readonly Dictionary<Monomial, Rational> _terms;

    SparsePolynomial(int variables, Dictionary<Monomial, Rational> terms) { Variables = variables; _terms = terms; }

    public int Variables { get; }
    public IReadOnlyDictionary<Monomial, Rational> Terms => _terms;
    public int TermCount => _terms.Count;
    public bool IsZero => _terms.Count == 0;
    public bool IsConstant => _terms.Count == 0 || (_terms.Count == 1 && _terms.Keys.First().IsOne);

    public static SparsePolynomial Zero(int variables) => new(variables, []);

    public static SparsePolynomial Constant(int variables, Rational c) =>
        c.IsZero ? Zero(variables) : new(variables, new() { [Monomial.One(variables)] = c });

    public static SparsePolynomial Term(Monomial m, Rational c) =>
        c.IsZero ? Zero(m.Variables) : new(m.Variables, new() { [m] = c });

    /// <summary>The polynomial with these terms (like terms added, zeros dropped).</summary>
    public static SparsePolynomial FromTerms(int variables, IEnumerable<(Monomial Monomial, Rational Coefficient)> terms)
    {
        var d = new Dictionary<Monomial, Rational>();
        foreach (var (m, c) in terms) Accumulate(d, m, c);
        return new(variables, d);
    }

    internal static void Accumulate(Dictionary<Monomial, Rational> d, Monomial m, Rational c)
    {
        if (c.IsZero) return;
        if (d.TryGetValue(m, out var old))
        {
            var sum = old + c;
            if (sum.IsZero) d.Remove(m); else d[m] = sum;
        }
        else d[m] = c;
    }

    public SparsePolynomial Add(SparsePolynomial other) => Combine(other, Rational.One);
    public SparsePolynomial Subtract(SparsePolynomial other) => Combine(other, Rational.MinusOne);

    SparsePolynomial Combine(SparsePolynomial other, Rational sign)
    {
        var d = new Dictionary<Monomial, Rational>(_terms);
        foreach (var (m, c) in other._terms) Accumulate(d, m, sign * c);
        return new(Variables, d);
    }

    public SparsePolynomial Multiply(SparsePolynomial other)
    {
        var d = new Dictionary<Monomial, Rational>();
        foreach (var (m, c) in _terms)
            foreach (var (n, k) in other._terms)
                Accumulate(d, m.Times(n), c * k);
        return new(Variables, d);
    }

    /// <summary>This times c*m.</summary>
    public SparsePolynomial MultiplyTerm(Monomial m, Rational c)
    {
        if (c.IsZero) return Zero(Variables);
        var d = new Dictionary<Monomial, Rational>(_terms.Count);
        foreach (var (n, k) in _terms) d[n.Times(m)] = k * c;
        return new(Variables, d);
    }

    public SparsePolynomial Scale(Rational c) => MultiplyTerm(Monomial.One(Variables), c);

    public SparsePolynomial Power(int k)
    {
        var result = Constant(Variables, Rational.One);
        for (int i = 0; i < k; i++) result = result.Multiply(this);
        return result;
    }

    /// <summary>The largest exponent of <paramref name="variable"/> (0 when it does not occur, -1 for the zero polynomial).</summary>
    public int Degree(int variable) => _terms.Count == 0 ? -1 : _terms.Keys.Max(m => m[variable]);

    public bool Contains(int variable) => _terms.Keys.Any(m => m[variable] > 0);

    /// <summary>The leading term in lexicographic order (the polynomial must not be zero).</summary>
    public (Monomial Monomial, Rational Coefficient) Leading()
    {
        var best = default(KeyValuePair<Monomial, Rational>);
        var first = true;
        foreach (var kv in _terms)
            if (first || kv.Key.CompareTo(best.Key) > 0) { best = kv; first = false; }
        if (first) throw new InvalidOperationException("The zero polynomial has no leading term.");
        return (best.Key, best.Value);
    }

    /// <summary>Written as Σ c_k(other variables) * variable^k: the coefficients c_k by k (only the non-zero ones).</summary>
    public SortedDictionary<int, SparsePolynomial> CoefficientsIn(int variable)
    {
        var parts = new SortedDictionary<int, Dictionary<Monomial, Rational>>();
        foreach (var (m, c) in _terms)
        {
            var k = m[variable];
            if (!parts.TryGetValue(k, out var d)) parts[k] = d = [];
            d[m.With(variable, 0)] = c;
        }
        var result = new SortedDictionary<int, SparsePolynomial>();
        foreach (var (k, d) in parts) result[k] = new SparsePolynomial(Variables, d);
        return result;
    }

    /// <summary>The coefficient of the highest power of <paramref name="variable"/> (a polynomial in the others).</summary>
    public SparsePolynomial LeadingCoefficientIn(int variable)
    {
        var k = Degree(variable);
        var d = new Dictionary<Monomial, Rational>();
        foreach (var (m, c) in _terms)
            if (m[variable] == k) d[m.With(variable, 0)] = c;
        return new(Variables, d);
    }

    /// <summary>
    /// The same polynomial up to a non-zero rational factor, with whole coefficients that have no
    /// common divisor and a positive leading coefficient: one representative of the associates,
    /// since over the rationals a gcd is only defined up to such a factor.
    /// </summary>
    public SparsePolynomial Normalised()
    {
        if (IsZero) return this;
        BigInteger lcm = 1, gcd = 0;
        foreach (var c in _terms.Values) lcm = lcm / BigInteger.GreatestCommonDivisor(lcm, c.Denominator) * c.Denominator;
        foreach (var c in _terms.Values) gcd = BigInteger.GreatestCommonDivisor(gcd, c.Numerator * (lcm / c.Denominator));
        var factor = new Rational(lcm, gcd);
        if (Leading().Coefficient.Sign < 0) factor = -factor;
        return factor.IsOne ? this : Scale(factor);
    }

    public bool SameAs(SparsePolynomial other) =>
        _terms.Count == other._terms.Count && _terms.All(kv => other._terms.TryGetValue(kv.Key, out var c) && c == kv.Value);
}
