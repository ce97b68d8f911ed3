using System.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra;

/// <summary>
/// Pulls the factor common to every term out of a sum: the numeric gcd, and each base's
/// smallest power — symbolic exponents included, when the oracle proves the other exponents
/// exceed it and the base positive (x^a = x^m * x^(a-m) needs x &gt; 0 unless all are integers).
/// f^2*(s-1)^2 - f^2*p^(2b)*(s-1)^2 becomes f^2*(s-1)^2*(1 - p^(2b)), whose sign is plain.
/// </summary>
public static class Factoring
{
    public const string RuleSplitPower = "x^a = x^m*x^(a-m) needs x > 0 for non-integer exponents";

    /// <summary>
    /// content × primitive sum, or the sum itself when nothing is common. The content takes the sign of
    /// the first term; with <paramref name="positivePrimitive"/>, the sign that makes the primitive sum
    /// positive where the oracle proves one, for a primitive that is a symbol shifted by a number
    /// (f*sigma - f is f*(sigma - 1) for sigma &gt; 1, and a*sE - a is -a*(1 - sE) for sE &lt; 1), as a
    /// reader writes them.
    /// </summary>
    public static Expr FactorCommon(Expr e, ISignOracle oracle, bool positivePrimitive = false)
    {
        if (e is not Sum s) return e;
        var terms = s.Terms.Select(t => Canonical.SplitCoefficient(t)).ToList();
        var factorLists = terms.Select(t => Factors(t.Term)).ToList();

        BigInteger num = 0, den = 1;
        foreach (var (c, _) in terms)
        {
            num = BigInteger.GreatestCommonDivisor(num, c.Numerator);
            den = den / BigInteger.GreatestCommonDivisor(den, c.Denominator) * c.Denominator;
        }
        var g = new Rational(num, den);
        if (terms[0].Coefficient.Sign < 0) g = -g;

        var common = new List<(Expr Base, Expr Exponent)>();
        foreach (var (b, _) in factorLists[0])
        {
            if (common.Any(c => c.Base.Equals(b))) continue;
            var exponents = factorLists.Select(fl => fl.Where(f => f.Base.Equals(b)).Select(f => f.Exponent).ToList()).ToList();
            if (exponents.Any(x => x.Count != 1)) continue;
            var es = exponents.Select(x => x[0]).ToList();
            var m = Smallest(b, es, oracle);
            if (m is not null) common.Add((b, m));
        }
        if (g.IsOne && common.Count == 0 && !positivePrimitive) return e;
        if (positivePrimitive && Primitive(g) is Sum { Terms: [var t0, var t1] } shifted && IsShift(t0, t1) && oracle.SignOf(shifted) == SignSet.Negative) g = -g;
        if (g.IsOne && common.Count == 0) return e;

        var content = Canonical.Mul(common.Select(c => Canonical.Pow(c.Base, c.Exponent, oracle)).Prepend(Expr.Num(g)).ToArray(), oracle);
        return Canonical.Mul([content, Primitive(g)], oracle);

        // A symbol and a number, possibly scaled: the sums whose sign is read off one bound (sigma - 1, 1 - sE).
        static bool IsShift(Expr a, Expr b) => (a is Number && Scaled(b)) || (b is Number && Scaled(a));
        static bool Scaled(Expr x) => x is Symbol || x is Product { Factors: [Number, Symbol] };

        // The sum divided by g and the common powers.
        Expr Primitive(Rational g)
        {
            var primitive = new List<Expr>();
            for (int i = 0; i < terms.Count; i++)
            {
                var parts = new List<Expr> { Expr.Num(terms[i].Coefficient / g) };
                foreach (var (b, k) in factorLists[i])
                {
                    var c = common.FirstOrDefault(x => x.Base.Equals(b));
                    parts.Add(c.Base is null ? Canonical.Pow(b, k, oracle) : Canonical.Pow(b, Canonical.Add([k, Canonical.Mul([Expr.MinusOne, c.Exponent], oracle)], oracle), oracle));
                }
                primitive.Add(Canonical.Mul(parts, oracle));
            }
            return Canonical.Add(primitive, oracle);
        }
    }

    public const string RuleFactorLinear = "a*x + b = a*(x + b/a) needs a != 0";

    /// <summary>Sums whose expansion has more terms than this are not searched for a linear factor.</summary>
    const int MaxLinearTerms = 64;

    /// <summary>
    /// A sum written a*x + b by collecting one of its symbols (a and b may contain x elsewhere,
    /// in an exponent, say) becomes a*(x + q) when q = b/a cancels to a number:
    /// sigma - 1 + phi^beta*(sigma - 1) = (phi^beta + 1)*(sigma - 1). The slope must be proved non-zero. The sum itself when no symbol gives such a form.
    /// </summary>
    public static Expr FactorLinear(Expr e, ISignOracle oracle)
    {
        if (e is not Sum || !Expansion.TryExpand(e, oracle, MaxLinearTerms, out var expanded)) return e;
        foreach (var x in e.FreeSymbols().OrderBy(x => x.Name, StringComparer.Ordinal))
        {
            var parts = Collection.Collect(expanded, x);
            if (parts.Count != 2 || !parts.TryGetValue(Expr.One, out var slope) || !parts.TryGetValue(Expr.Zero, out var constant)) continue;
            if (slope is Number) continue;   // FactorCommon's case (a*x + b = a*(x + b/a) holds even when a or b contain x)
            // Both are multiplied out: b is a number times a only if they have as many terms (a quick refusal before cancelling).
            if (TermCount(constant) != TermCount(slope)) continue;
            if (Rationals.Cancel(Canonical.Mul([constant, Canonical.Pow(slope, Expr.MinusOne, oracle)], oracle), oracle) is not Number shift) continue;
            if (!oracle.Proves(slope, SignSet.NonZero, RuleFactorLinear)) continue;
            // x + q with the sign FactorCommon gives a sum (1 - sE rather than sE - 1), so equal factors look alike.
            return Canonical.Mul([slope, FactorCommon(Canonical.Add([x, shift], oracle), oracle)], oracle);
        }
        return e;
    }

    static int TermCount(Expr e) => e is Sum s ? s.Terms.Length : 1;

    /// <summary>The exponent among <paramref name="es"/> that every other exceeds (proved), if splitting is sound.</summary>
    static Expr? Smallest(Expr b, List<Expr> es, ISignOracle oracle)
    {
        if (es.All(e => e is Number { Value.IsInteger: true }))
        {
            var min = es.Cast<Number>().Min(n => n.Value);
            return min.Sign > 0 ? Expr.Num(min) : null;
        }
        if (!oracle.Proves(b, SignSet.Positive, RuleSplitPower)) return null;
        // For b > 0, x^a = x^m*x^(a-m) whatever the sign of m: a negative smallest power comes out too
        // (x^(-1/r - 1) - x^(-1/r - 2) = x^(-1/r - 2)*(x - 1)).
        foreach (var m in es)
        {
            if (es.All(e => e.Equals(m) || oracle.Proves(Canonical.Add([e, Canonical.Mul([Expr.MinusOne, m], oracle)], oracle), SignSet.NonNegative, RuleSplitPower)))
                return m;
        }
        return null;
    }

    static List<(Expr Base, Expr Exponent)> Factors(Expr term) => term switch
    {
        Number => [],
        Product p => p.Factors.Where(f => f is not Number).Select(Canonical.SplitPower).ToList(),
        _ => [Canonical.SplitPower(term)],
    };
}
