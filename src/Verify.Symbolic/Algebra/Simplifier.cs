using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra;

/// <summary>
/// Simplification under an oracle: every node re-canonicalised bottom-up with the oracle's rules
/// (so (x^a)^b = x^(ab) fires once x &gt;= 0 is proved), repeated until nothing changes; then the
/// smallest of that form, its cancelled single fraction and its expansion. Each candidate equals
/// the input wherever the input is defined.
/// </summary>
public static class Simplifier
{
    const int MaxRounds = 6;

    /// <summary>Expansions larger than this are not tried as candidates.</summary>
    const int ExpansionLimit = 512;

    /// <summary>Sums of fractions up to this many terms are tried over one denominator.</summary>
    const int CombinedTerms = 4;

    /// <summary>
    /// Beyond this many nodes only the re-canonicalised form and its simplified sums are tried: one
    /// denominator for a sum of hundreds of fractions (erfs of implicit cut-offs) takes minutes and
    /// is never the smallest.
    /// </summary>
    const int WholeRewriteLimit = 4000;

    /// <summary>The simplified form; the very same object when nothing changed.</summary>
    public static Expr Simplify(Expr e, ISignOracle oracle)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(oracle);
        var canonical = Recanonicalise(e, oracle);
        var best = canonical;
        TentativeOracle? chosen = null;
        var large = Size(canonical) > WholeRewriteLimit;
        foreach (var make in large ? Candidates().Take(1) : Candidates())
        {
            // Each candidate proves its side conditions tentatively; only the chosen one's are kept.
            var tentative = new TentativeOracle(oracle);
            // Rebuilt canonically, so that what a rewrite exposes is used: ln((p + 1)*(s - 1)) splits into two logarithms.
            if (make(canonical, tentative) is { } made && Recanonicalise(made, tentative) is var candidate && Size(candidate) < Size(best))
                (best, chosen) = (candidate, tentative);
        }
        chosen?.Commit();
        return BottomUp.Same(e, best);
    }

    /// <summary>Rebuilds every node through the oracle's canonical rules until a fixed point.</summary>
    public static Expr Recanonicalise(Expr e, ISignOracle oracle)
    {
        var current = e;
        for (int round = 0; round < MaxRounds; round++)
        {
            var next = BottomUp.Rewrite(current, oracle, (node, _) => node, rebuildAll: true);
            if (ReferenceEquals(next, current)) break;
            current = next;
        }
        return current;
    }

    static IEnumerable<Func<Expr, ISignOracle, Expr?>> Candidates() =>
    [
        (e, o) => e.Children.Count == 0 ? null : SimplifySums(e, o),
        (e, o) => e.Children.Count == 0 ? null : Rationals.Cancel(SimplifySums(e, o), o),
        (e, o) => e.Children.Count == 0 ? null : Rationals.Cancel(e, o),
        (e, o) => e.Children.Count > 0 && Expansion.TryExpand(e, o, ExpansionLimit, out var x) ? x : null,
        (e, o) => e.Children.Count > 0 && Expansion.TryExpand(e, o, ExpansionLimit, out var x) ? Rationals.Cancel(x, o) : null,
    ];

    /// <summary>
    /// Bottom-up, each sum is replaced by the smallest of: itself, its common factor pulled out (with
    /// the sign that leaves a positive sum where that is proved, on a tie),
    /// its linear factor pulled out (a*x + b = a*(x + b/a) for a number b/a), and its expansion
    /// with the common factor pulled out — so inner sums shrink before the
    /// outer ones see them.
    /// </summary>
    public static Expr SimplifySums(Expr e, ISignOracle oracle) =>
        BottomUp.Rewrite(e, oracle, (node, o) =>
        {
            if (node is not Sum) return node;
            var best = node;
            var factored = Factoring.FactorCommon(node, o);
            if (Size(factored) < Size(best)) best = factored;
            // Oriented so the sum left is positive where that is proved: f*(sigma - 1), not -f*(1 - sigma).
            if (node is Sum { Terms.Length: 2 })
            {
                var oriented = Factoring.FactorCommon(node, o, positivePrimitive: true);
                if (Size(oriented) < Size(best) || (Size(oriented) == Size(best) && !ReferenceEquals(best, node) && oriented is Product)) best = oriented;
            }
            var linear = factored is Product p
                ? Canonical.Mul(p.Factors.Select(f => Factoring.FactorLinear(f, o)).ToArray(), o)
                : Factoring.FactorLinear(node, o);
            if (Size(linear) < Size(best)) best = linear;
            if (Expansion.TryExpand(node, o, ExpansionLimit, out var expanded))
            {
                var candidate = Factoring.FactorCommon(expanded, o);
                if (Size(candidate) < Size(best)) best = candidate;
            }
            // A short sum of fractions over one denominator, its numerator multiplied out: the terms may
            // cancel (L/(4c) - L*k/(2c*(k + 1)) + L*k/(4c*(k + 2)) = L/(2c*(k + 1)*(k + 2))).
            if (node is Sum { Terms.Length: <= CombinedTerms } sum && sum.Terms.Any(HasDenominator))
            {
                var (numerator, denominator) = Rationals.NumeratorDenominator(Rationals.Cancel(node, o));
                if (Expansion.TryExpand(numerator, o, ExpansionLimit, out var top))
                {
                    var combined = Canonical.Mul([Factoring.FactorCommon(top, o), Canonical.Pow(denominator, Expr.MinusOne, o)], o);
                    if (Size(combined) < Size(best)) best = combined;
                }
            }
            return best;
        }, rebuildAll: false);

    /// <summary>A term divided by something that is not a number: x/(k + 1), c^(-k).</summary>
    static bool HasDenominator(Expr term) =>
        (term is Product p ? p.Factors.AsEnumerable() : [term]).Any(f => f is Power { Exponent: var k, Base: not Number } && (k is Number { Value.Sign: < 0 } || k is Product { Factors: [Number { Value.Sign: < 0 }, ..] }));

    /// <summary>The number of nodes, the measure "smaller" refers to.</summary>
    public static int Size(Expr e) => 1 + e.Children.Sum(Size);
}
