using System.Numerics;
using Verify.Symbolic.Algebra.Polynomials;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra;

/// <summary>
/// Rational-function forms: the numerator and denominator of an expression, one fraction over a
/// common denominator (<see cref="Together"/>), and cancellation of common factors
/// (<see cref="Cancel"/>), which removes a factor only when the oracle proves it non-zero.
/// </summary>
public static class Rationals
{
    public const string RuleCancel = "x*y/(x*z) = y/z";
    public const string RuleSplitPower = "x^a = x^b*x^(a-b)";

    /// <summary>
    /// The numerator and denominator as the expression stands: factors with a negative exponent
    /// (x^-2, x^(-a)) and the coefficient's denominator go below. A sum is its own numerator: use
    /// <see cref="Together"/> first to combine one.
    /// </summary>
    public static (Expr Numerator, Expr Denominator) NumeratorDenominator(Expr e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (c, num, den) = Split(e);
        return (Expr.Mul(num.Prepend(Expr.Num(c.Numerator))), Expr.Mul(den.Prepend(Expr.Num(c.Denominator))));
    }

    /// <summary>Coefficient, numerator factors and denominator factors (with positive exponents).</summary>
    static (Rational Coefficient, List<Expr> Num, List<Expr> Den) Split(Expr e)
    {
        var num = new List<Expr>(); var den = new List<Expr>();
        var c = Rational.One;
        foreach (var f in e is Product p ? p.Factors : [e])
        {
            if (f is Number n) { c *= n.Value; continue; }
            if (f is Power pw && NegativeExponent(pw.Exponent) is { } positive) den.Add(Expr.Pow(pw.Base, positive));
            else num.Add(f);
        }
        return (c, num, den);
    }

    /// <summary>-k for an exponent that reads as negative (a negative number, or a term with a negative coefficient).</summary>
    static Expr? NegativeExponent(Expr k)
    {
        if (k is Number { Value.Sign: < 0 } n) return Expr.Num(-n.Value);
        if (k is Product && Canonical.SplitCoefficient(k).Coefficient.Sign < 0) return Expr.Neg(k);
        return null;
    }

    /// <summary>
    /// One fraction over a common denominator: every sum (inside too) becomes its terms' numerators,
    /// each times what its denominator lacks of the least common one, over that one. Equal to
    /// <paramref name="e"/> wherever <paramref name="e"/> is defined.
    /// </summary>
    public static Expr Together(Expr e, ISignOracle oracle)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(oracle);
        return BottomUp.Rewrite(e, oracle, (node, o) => node is Sum s ? CombineSum(s, o) : node, rebuildAll: false);
    }

    /// <summary>A term as coefficient p/q, numerator factors, and denominator as base → exponent.</summary>
    sealed record TermFraction(Rational Coefficient, List<Expr> Num, List<(Expr Base, Rational Exponent)> Den);

    static TermFraction ReadTerm(Expr t)
    {
        var (c, num, den) = Split(t);
        var d = new List<(Expr, Rational)>();
        foreach (var f in den)
        {
            // Numeric exponents combine (x and x^2 share x^2); anything else is a base of its own.
            var (b, k) = Canonical.SplitPower(f);
            if (k is Number n) d.Add((b, n.Value)); else d.Add((f, Rational.One));
        }
        return new TermFraction(c, num, d);
    }

    static Expr CombineSum(Sum s, ISignOracle oracle)
    {
        var terms = s.Terms.Select(ReadTerm).ToList();
        if (terms.All(t => t.Den.Count == 0 && t.Coefficient.IsInteger)) return s;

        // The least common denominator: each base to its largest exponent, the lcm of the integers.
        var lcd = new List<(Expr Base, Rational Exponent)>();
        foreach (var (b, k) in terms.SelectMany(t => t.Den))
        {
            var at = lcd.FindIndex(x => x.Base.Equals(b));
            if (at < 0) lcd.Add((b, k));
            else if (k > lcd[at].Exponent) lcd[at] = (b, k);
        }
        var lcm = terms.Aggregate(BigInteger.One, (acc, t) => acc / BigInteger.GreatestCommonDivisor(acc, t.Coefficient.Denominator) * t.Coefficient.Denominator);

        var numerators = new List<Expr>();
        foreach (var t in terms)
        {
            var factors = new List<Expr> { Expr.Num(t.Coefficient * lcm) };
            factors.AddRange(t.Num);
            foreach (var (b, k) in lcd)
            {
                var have = t.Den.Where(x => x.Base.Equals(b)).Select(x => x.Exponent).DefaultIfEmpty(Rational.Zero).First();
                if (k - have is { IsZero: false } missing) factors.Add(Canonical.Pow(b, Expr.Num(missing), oracle));
            }
            numerators.Add(Canonical.Mul(factors, oracle));
        }
        var numerator = Canonical.Add(numerators, oracle);
        var denominator = lcd.Select(x => Canonical.Pow(x.Base, Expr.Num(-x.Exponent), oracle)).Prepend(Expr.Num(new Rational(1, lcm)));
        return Canonical.Mul(denominator.Prepend(numerator).ToArray(), oracle);
    }

    /// <summary>
    /// <see cref="Together"/>, then removes the factors that numerator and denominator share: whole
    /// factors, monomials common to every term of a sum (and a sum's sign, so a - b and b - a match),
    /// numeric content, and the gcd of sums read as polynomials in any number of atoms
    /// (<see cref="CommonFactorCancellation"/>). A factor goes only when the oracle proves it non-zero (recorded as
    /// <see cref="RuleCancel"/>); x/x stays for a real x.
    /// </summary>
    public static Expr Cancel(Expr e, ISignOracle oracle)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(oracle);
        var together = Together(e, oracle);
        var (c, numFactors, denFactors) = Split(together);
        var num = Factored.Of(numFactors, oracle);
        var den = Factored.Of(denFactors, oracle);
        if (den.Coefficient.IsZero) return e;       // a literal division by zero: nothing sound to do
        if (num.Coefficient.IsZero) return Expr.Zero;   // the numerator's primitive part collapsed to 0
        var coefficient = c * num.Coefficient / den.Coefficient;

        foreach (var b in num.Exponents.Keys.ToList())
        {
            if (!den.Exponents.TryGetValue(b, out var kd)) continue;
            var kn = num.Exponents[b];
            var common = kn < kd ? kn : kd;
            if (common.Sign <= 0 || !oracle.Proves(b, SignSet.NonZero, RuleCancel)) continue;
            num.Exponents[b] = kn - common;
            den.Exponents[b] = kd - common;
        }
        // Sums that share a polynomial factor in one atom: (phi^b - 1)/(phi^(2b) - 1) = 1/(phi^b + 1).
        var reducedTop = new List<Expr>();
        var reducedBottom = new List<Expr>();
        foreach (var p in num.Exponents.Keys.OfType<Sum>().ToList())
            foreach (var q in den.Exponents.Keys.OfType<Sum>().ToList())
            {
                if (num.Exponents[p].Sign <= 0 || den.Exponents[q].Sign <= 0 || !num.Exponents[p].IsInteger || !den.Exponents[q].IsInteger) continue;
                if (!UnivariateGcd.TryCancel(p, q, oracle, out var pReduced, out var qReduced)
                    && !CommonRoot.TryCancel(p, q, oracle, out pReduced, out qReduced)) continue;
                num.Exponents[p] -= Rational.One;
                den.Exponents[q] -= Rational.One;
                reducedTop.Add(pReduced);
                reducedBottom.Add(qReduced);
            }
        CancelCommonPolynomialFactors(num, den, reducedTop, reducedBottom, oracle);
        var top = Canonical.Mul([num.Build(oracle), .. reducedTop], oracle);
        var bottom = Canonical.Mul([den.Build(oracle), .. reducedBottom], oracle);
        var result = Canonical.Mul([Expr.Num(coefficient), top, Canonical.Pow(bottom, Expr.MinusOne, oracle)], oracle);
        return BottomUp.Same(e, result);
    }

    /// <summary>The largest power of a sum that the multivariate gcd takes as it stands.</summary>
    const int MaxGcdPower = 12;

    /// <summary>
    /// Sums that share a polynomial factor in several atoms (what is left after the cheaper passes):
    /// their factors are replaced by the reduced ones.
    /// </summary>
    static void CancelCommonPolynomialFactors(Factored num, Factored den, List<Expr> reducedTop, List<Expr> reducedBottom, ISignOracle oracle)
    {
        var topSums = num.SumPowers(MaxGcdPower);
        var bottomSums = den.SumPowers(MaxGcdPower);
        var top = topSums.Concat(reducedTop.OfType<Sum>().Select(x => (x, 1))).ToList();
        var bottom = bottomSums.Concat(reducedBottom.OfType<Sum>().Select(x => (x, 1))).ToList();
        if (!CommonFactorCancellation.TryCancel(top, bottom, oracle, out var newTop, out var newBottom)) return;
        foreach (var (sum, _) in topSums) num.Exponents[sum] = Rational.Zero;
        foreach (var (sum, _) in bottomSums) den.Exponents[sum] = Rational.Zero;
        reducedTop.RemoveAll(x => x is Sum);
        reducedBottom.RemoveAll(x => x is Sum);
        reducedTop.AddRange(newTop);
        reducedBottom.AddRange(newBottom);
    }

    /// <summary>
    /// A quotient whose sums are proportional: when the product of the numerator's sum factors
    /// expands to q times the expansion of the denominator's, the quotient is q times the rest
    /// (P*(x + 1)^2/((x^2 + 2x + 1)*Q) = P/Q). An identity wherever the quotient is defined; used
    /// to read off a ratio of two formulas, the expanded sums being at most a few hundred terms.
    /// </summary>
    public static Expr CancelProportionalSums(Expr e, ISignOracle oracle)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (numerator, denominator) = NumeratorDenominator(e);
        var (topSums, topRest) = SplitSums(numerator, oracle);
        var (bottomSums, bottomRest) = SplitSums(denominator, oracle);
        if (topSums.Equals(Expr.One) || bottomSums.Equals(Expr.One)) return e;
        if (!Expansion.TryExpand(topSums, oracle, 256, out var top) || !Expansion.TryExpand(bottomSums, oracle, 256, out var bottom)) return e;
        if (top is not Sum a || bottom is not Sum b || a.Terms.Length != b.Terms.Length) return e;
        var coefficients = b.Terms.Select(Canonical.SplitCoefficient).ToDictionary(t => t.Term, t => t.Coefficient);
        Rational? q = null;
        foreach (var t in a.Terms)
        {
            var (c, monomial) = Canonical.SplitCoefficient(t);
            if (!coefficients.TryGetValue(monomial, out var cb)) return e;
            var ratio = c / cb;
            if (q is { } known && known != ratio) return e;
            q = ratio;
        }
        return Canonical.Mul([Expr.Num(q!.Value), topRest, Canonical.Pow(bottomRest, Expr.MinusOne, oracle)], oracle);
    }

    /// <summary>A product's sum factors (with whole positive powers) apart from the rest.</summary>
    static (Expr Sums, Expr Others) SplitSums(Expr product, ISignOracle oracle)
    {
        var sums = new List<Expr>();
        var rest = new List<Expr>();
        foreach (var f in product is Product p ? p.Factors : [product])
            (f is Sum || f is Power { Base: Sum, Exponent: Number { Value: { IsInteger: true, Sign: > 0 } } } ? sums : rest).Add(f);
        return (Canonical.Mul(sums.Prepend(Expr.One).ToArray(), oracle), Canonical.Mul(rest.Prepend(Expr.One).ToArray(), oracle));
    }

    /// <summary>A product as coefficient × Π base^exponent, with sums split into content × primitive sum.</summary>
    sealed class Factored
    {
        const int MaxNumberPower = 4096;

        public Rational Coefficient = Rational.One;
        public readonly Dictionary<Expr, Rational> Exponents = [];
        readonly List<Expr> _order = [];
        readonly List<Expr> _opaque = [];   // factors with non-numeric exponents, kept whole

        void Add(Expr b, Rational k)
        {
            if (Exponents.TryGetValue(b, out var old)) Exponents[b] = old + k;
            else { Exponents[b] = k; _order.Add(b); }
        }

        public static Factored Of(IEnumerable<Expr> factors, ISignOracle oracle)
        {
            var f = new Factored();
            foreach (var x in factors) f.Take(x, Rational.One, oracle);
            return f;
        }

        void Take(Expr x, Rational power, ISignOracle oracle)
        {
            switch (x)
            {
                // A number to a power too large to write out (1^(-5e307) from a damaged input, say) stays a factor.
                case Number n when power.IsInteger && (BigInteger.Abs(power.Numerator) <= MaxNumberPower || n.Value.IsOne):
                    if (!n.Value.IsOne) Coefficient *= n.Value.Pow((int)power.Numerator);
                    return;
                case Sum s when power.IsInteger:
                    var (content, primitive) = Content(s, oracle);
                    Take(content, power, oracle);
                    if (!primitive.Equals(s)) { Take(primitive, power, oracle); return; }
                    Add(s, power);
                    return;
                case Product p when power.IsInteger:
                    foreach (var g in p.Factors) Take(g, power, oracle);
                    return;
                case Power { Exponent: Number k } pw when (k.Value * power).IsInteger || pw.Base is not Sum:
                    if (pw.Base is Sum && (k.Value * power).IsInteger) Take(pw.Base, k.Value * power, oracle);
                    else Add(pw.Base, k.Value * power);
                    return;
            }
            if (power.IsOne) Add(x, Rational.One);
            else _opaque.Add(Expr.Pow(x, Expr.Num(power)));
        }

        /// <summary>The sums with a whole positive power up to <paramref name="maxPower"/>.</summary>
        public List<(Sum Sum, int Power)> SumPowers(int maxPower) =>
            _order.Where(b => b is Sum && Exponents[b] is { IsInteger: true, Sign: > 0 } k && k <= maxPower)
                .Select(b => ((Sum)b, (int)Exponents[b].Numerator)).ToList();

        public Expr Build(ISignOracle oracle)
        {
            var parts = new List<Expr> { Expr.Num(Rational.One) };
            foreach (var b in _order)
                if (!Exponents[b].IsZero) parts.Add(Canonical.Pow(b, Expr.Num(Exponents[b]), oracle));
            parts.AddRange(_opaque);
            return Canonical.Mul(parts, oracle);
        }
    }

    /// <summary>
    /// A sum as content × primitive part: the content holds the numeric gcd (with the sign of the
    /// first term) and each base's smallest positive power common to every term.
    /// </summary>
    static (Expr Content, Expr Primitive) Content(Sum s, ISignOracle oracle)
    {
        var terms = s.Terms.Select(t => (Parts: Canonical.SplitCoefficient(t), Powers: Powers(t))).ToList();
        BigInteger num = 0, den = 1;
        foreach (var ((c, _), _) in terms)
        {
            num = BigInteger.GreatestCommonDivisor(num, c.Numerator);
            den = den / BigInteger.GreatestCommonDivisor(den, c.Denominator) * c.Denominator;
        }
        var g = new Rational(num, den);
        if (terms[0].Parts.Coefficient.Sign < 0) g = -g;

        var common = new Dictionary<Expr, Rational>(terms[0].Powers);
        foreach (var (_, powers) in terms.Skip(1))
            foreach (var b in common.Keys.ToList())
            {
                if (!powers.TryGetValue(b, out var k)) { common.Remove(b); continue; }
                if (k < common[b]) common[b] = k;
            }
        // x^a = x^m * x^(a-m) holds for every x with integer exponents, otherwise only for x >= 0.
        foreach (var b in common.Keys.ToList())
        {
            var integral = common[b].IsInteger && terms.All(t => t.Powers[b].IsInteger);
            if (common[b].Sign <= 0 || (!integral && !oracle.Proves(b, SignSet.NonNegative, RuleSplitPower))) common.Remove(b);
        }
        if (g.IsOne && common.Count == 0) return (Expr.One, s);

        // Divide each term by the content by lowering exponents directly (the first factor of each base).
        var primitive = new List<Expr>();
        foreach (var t in s.Terms)
        {
            var (c, rest) = Canonical.SplitCoefficient(t);
            var factors = new List<Expr> { Expr.Num(c / g) };
            var lowered = new HashSet<Expr>();
            foreach (var f in rest is Product p ? p.Factors : rest is Number ? [] : [rest])
            {
                var (b, k) = Canonical.SplitPower(f);
                if (k is Number kn && common.TryGetValue(b, out var m) && lowered.Add(b))
                {
                    if (kn.Value != m) factors.Add(Canonical.Pow(b, Expr.Num(kn.Value - m), oracle));
                }
                else factors.Add(f);
            }
            primitive.Add(Canonical.Mul(factors, oracle));
        }
        var content = Canonical.Mul(common.Select(kv => Canonical.Pow(kv.Key, Expr.Num(kv.Value), oracle)).Prepend(Expr.Num(g)).ToArray(), oracle);
        return (content, Canonical.Add(primitive, oracle));
    }

    /// <summary>The numeric powers of a term's factors, by base.</summary>
    static Dictionary<Expr, Rational> Powers(Expr t)
    {
        var (_, rest) = Canonical.SplitCoefficient(t);
        var d = new Dictionary<Expr, Rational>();
        if (rest is Number) return d;
        foreach (var f in rest is Product p ? p.Factors : [rest])
        {
            var (b, k) = Canonical.SplitPower(f);
            if (k is Number n && !d.ContainsKey(b)) d[b] = n.Value;
        }
        return d;
    }
}
