using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra;

/// <summary>
/// Groups the terms of an expression by the power of an atom: e = Σ coefficient_k · atom^k. The
/// atom is a symbol or other non-numeric, non-product expression (x, ln x), or a power x^a, whose
/// powers are the terms' factors x^(k·a) for integers k. The expression is multiplied out first.
/// </summary>
public static class Collection
{
    /// <summary>Exponent k → coefficient of atom^k (exponent 0: the terms free of the atom), in increasing order of k.</summary>
    public static IReadOnlyDictionary<Expr, Expr> Collect(Expr e, Expr atom)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(atom);
        if (atom is Number) throw new ArgumentException($"Cannot collect by the number {atom}.", nameof(atom));
        if (atom is Product or Sum) throw new ArgumentException($"Collect by a symbol, function or power, not by {atom}.", nameof(atom));

        var expanded = Expansion.Expand(e, StructuralSign.Instance);
        var groups = new Dictionary<Expr, List<Expr>>();
        foreach (var t in expanded is Sum s ? s.Terms : [expanded])
        {
            var (k, coefficient) = Split(t, atom);
            if (!groups.TryGetValue(k, out var list)) groups[k] = list = [];
            list.Add(coefficient);
        }
        return groups
            .OrderBy(kv => kv.Key, ExprOrder.Comparer)
            .Select(kv => (kv.Key, Value: Expr.Add(kv.Value)))
            .Where(kv => !kv.Value.Equals(Expr.Zero))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    /// <summary>Σ coefficient · atom^k, each coefficient kept as one factor (the grouped form of the expression).</summary>
    public static Expr Recombine(IReadOnlyDictionary<Expr, Expr> collected, Expr atom)
    {
        ArgumentNullException.ThrowIfNull(collected);
        ArgumentNullException.ThrowIfNull(atom);
        return Expr.Add(collected.Select(kv => Expr.Mul(kv.Value, PowerOf(atom, kv.Key))));
    }

    /// <summary>The expression grouped by powers of the atom, as one expression.</summary>
    public static Expr Grouped(Expr e, Expr atom) => Recombine(Collect(e, atom), atom);

    /// <summary>atom^k, written back as the base's power when the atom is a power (phi^beta, k = 2 → phi^(2*beta)).</summary>
    static Expr PowerOf(Expr atom, Expr k)
    {
        if (atom is Power p) return Expr.Pow(p.Base, Expr.Mul(p.Exponent, k));
        return Expr.Pow(atom, k);
    }

    /// <summary>A term as (k, coefficient) with term = coefficient · atom^k; k = 0 when the term has no matching factor.</summary>
    static (Expr K, Expr Coefficient) Split(Expr t, Expr atom)
    {
        var (atomBase, atomExponent) = Canonical.SplitPower(atom);
        var factors = t is Product p ? p.Factors.ToList() : [t];
        for (int i = 0; i < factors.Count; i++)
        {
            var (b, k) = Canonical.SplitPower(factors[i]);
            if (!b.Equals(atomBase)) continue;
            Expr? multiple = atom is Power ? Ratio(k, atomExponent) : k;
            if (multiple is null) continue;
            factors.RemoveAt(i);
            return (multiple, Expr.Mul(factors));
        }
        return (Expr.Zero, t);
    }

    /// <summary>The integer n with k = n·a, or null (k and a compared without their numeric coefficients).</summary>
    static Expr? Ratio(Expr k, Expr a)
    {
        var (ck, rk) = Canonical.SplitCoefficient(k);
        var (ca, ra) = Canonical.SplitCoefficient(a);
        if (!rk.Equals(ra)) return null;
        var n = ck / ca;
        return n.IsInteger ? Expr.Num(n) : null;
    }
}
