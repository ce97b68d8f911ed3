using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// Distributes products over sums (and, when asked, expands small positive integer powers of sums),
/// so that an expression can be read term by term, then collects like terms.
/// </summary>
internal static class TermExpansion
{
    const int MaxTerms = 512;
    const int MaxExpandedPower = 8;

    /// <summary>The collected terms of the expansion, or null when it would exceed <see cref="MaxTerms"/>.</summary>
    public static IReadOnlyList<Expr>? Terms(Expr e, ISignOracle oracle, bool expandIntegerPowers)
    {
        var raw = Expand(e, oracle, expandIntegerPowers);
        if (raw is null) return null;
        var collected = Canonical.Add(raw, oracle);
        return collected switch
        {
            Sum s => s.Terms,
            Number { Value.IsZero: true } => [],
            _ => [collected],
        };
    }

    static List<Expr>? Expand(Expr e, ISignOracle oracle, bool powers)
    {
        switch (e)
        {
            case Sum s:
                var all = new List<Expr>();
                foreach (var t in s.Terms)
                {
                    var part = Expand(t, oracle, powers);
                    if (part is null) return null;
                    all.AddRange(part);
                    if (all.Count > MaxTerms) return null;
                }
                return all;
            case Product p:
                return MultiplyOut(p.Factors, oracle, powers);
            case Power { Base: Sum, Exponent: Number { Value: var k } } pw
                when powers && k.IsInteger && k.Sign > 0 && k <= MaxExpandedPower:
                return MultiplyOut(Enumerable.Repeat(pw.Base, (int)k.Numerator).ToList(), oracle, powers);
            default:
                return [e];
        }
    }

    static List<Expr>? MultiplyOut(IReadOnlyList<Expr> factors, ISignOracle oracle, bool powers)
    {
        List<Expr> acc = [Expr.One];
        foreach (var f in factors)
        {
            var part = Expand(f, oracle, powers);
            if (part is null || (long)acc.Count * part.Count > MaxTerms) return null;
            acc = [.. from a in acc from b in part select Canonical.Mul([a, b], oracle)];
        }
        return acc;
    }
}
