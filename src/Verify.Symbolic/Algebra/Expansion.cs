using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra;

/// <summary>
/// Multiplies out: products over sums, small integer powers of sums (a negative one becomes the
/// reciprocal of the expanded positive power), and ln of a product into a sum of logs for the
/// factors proved positive (ln(x·y) = ln x + ln y needs x &gt; 0). exp of a sum is left whole:
/// splitting it into a product of exps overflows in doubles where the whole does not.
/// </summary>
public static class Expansion
{
    public const string RuleLogProduct = "ln(x*y) = ln x + ln y";

    /// <summary>The largest |n| for which (a + b + ...)^n is multiplied out.</summary>
    public const int MaxPower = 12;

    public const int DefaultMaxTerms = 20000;

    /// <summary>The expanded form; throws <see cref="WorkLimitException"/> (an InvalidOperationException) if it would have more than <paramref name="maxTerms"/> terms.</summary>
    public static Expr Expand(Expr e, ISignOracle oracle, int maxTerms = DefaultMaxTerms)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(oracle);
        // Logs split first, while their arguments are still products: ln(a^r*(1 - p)^2) = r ln a + 2 ln(1 - p).
        var split = BottomUp.Rewrite(e, oracle, (node, o) => node is Log { Argument: Product p } l ? SplitLog(l, p, o) : node, rebuildAll: false);
        return BottomUp.Same(e, BottomUp.Rewrite(split, oracle, (node, o) => Step(node, o, maxTerms), rebuildAll: false));
    }

    /// <summary>Like <see cref="Expand"/>, but false instead of an exception when the result would be too large.</summary>
    /// <summary>
    /// True when e over one denominator has a numerator that multiplies out to zero: a polynomial
    /// identity test that does not cancel (it runs inside Cancel, which would call it again).
    /// </summary>
    public static bool ExpandsToZero(Expr e, ISignOracle oracle)
    {
        var (numerator, _) = Rationals.NumeratorDenominator(Rationals.Together(Expand(e, oracle), oracle));
        return Expand(numerator, oracle).Equals(Expr.Zero);
    }

    public static bool TryExpand(Expr e, ISignOracle oracle, int maxTerms, out Expr expanded)
    {
        try { expanded = Expand(e, oracle, maxTerms); return true; }
        catch (InvalidOperationException) { expanded = e; return false; }
    }

    static Expr Step(Expr node, ISignOracle oracle, int maxTerms) => node switch
    {
        Product p when p.Factors.Any(f => f is Sum) => Distribute(p.Factors, oracle, maxTerms, 0),
        Power { Base: Sum s, Exponent: Number { Value: { IsInteger: true } k } } when Math.Abs((double)k.Numerator) is >= 2 and <= MaxPower =>
            ExpandPower(s, (int)k.Numerator, oracle, maxTerms),
        Log { Argument: Product p } l => SplitLog(l, p, oracle),
        _ => node,
    };

    static Expr ExpandPower(Sum s, int n, ISignOracle oracle, int maxTerms)
    {
        var positive = Distribute(Enumerable.Repeat<Expr>(s, Math.Abs(n)).ToList(), oracle, maxTerms, 0);
        return n > 0 ? positive : Canonical.Pow(positive, Expr.MinusOne, oracle);
    }

    /// <summary>The sum of all products taking one term from each factor.</summary>
    static Expr Distribute(IReadOnlyList<Expr> factors, ISignOracle oracle, int maxTerms, int depth)
    {
        double count = 1;
        foreach (var f in factors) count *= f is Sum s ? s.Terms.Length : 1;
        if (count > maxTerms)
            throw new WorkLimitException($"Expanding would give about {count:G3} terms, more than the limit of {maxTerms}.");
        var partial = new List<Expr> { Expr.One };
        foreach (var f in factors)
        {
            var terms = f is Sum s ? (IReadOnlyList<Expr>)s.Terms : [f];
            var next = new List<Expr>(partial.Count * terms.Count);
            foreach (var a in partial)
                foreach (var t in terms)
                    next.Add(Canonical.Mul([a, t], oracle));
            partial = next;
        }
        // Merging powers can bring a sum back as a factor ((a+b)^(1/2)*(a+b)^(1/2) = a + b): expand it too.
        if (depth < 8)
            for (int i = 0; i < partial.Count; i++)
            {
                if (partial[i] is Product p && p.Factors.Any(f => f is Sum)) partial[i] = Distribute(p.Factors, oracle, maxTerms, depth + 1);
                else if (partial[i] is Power { Base: Sum, Exponent: Number { Value.IsInteger: true } } pw) partial[i] = Step(pw, oracle, maxTerms);
            }
        return Canonical.Add(partial, oracle);
    }

    /// <summary>ln(P·R) = ln P + ln R for the factors P proved positive; the others stay together in one log.</summary>
    static Expr SplitLog(Log log, Product p, ISignOracle oracle)
    {
        var positive = new List<Expr>();
        var rest = new List<Expr>();
        foreach (var f in p.Factors)
        {
            if (f is Number { Value.Sign: > 0 } || oracle.Proves(f, SignSet.Positive, RuleLogProduct)) positive.Add(f);
            else rest.Add(f);
        }
        if (positive.Count == 0) return log;
        var logs = positive.Select(f => Canonical.Ln(f, oracle)).ToList();
        if (rest.Count > 0) logs.Add(Canonical.Ln(Canonical.Mul(rest, oracle), oracle));
        return Canonical.Add(logs, oracle);
    }
}
