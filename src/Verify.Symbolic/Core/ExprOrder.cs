namespace Verify.Symbolic.Core;

/// <summary>
/// The total order that sorts the terms of sums and the factors of products. Factors compare by
/// base, then exponent, so powers of one base sit together; terms compare without their
/// numeric coefficient, so like terms sit together.
/// </summary>
public static class ExprOrder
{
    public static int Compare(Expr a, Expr b)
    {
        StackGuard.Ensure();
        if (ReferenceEquals(a, b)) return 0;
        var (ab, ae) = Canonical.SplitPower(a);
        var (bb, be) = Canonical.SplitPower(b);
        if (!ReferenceEquals(ab, a) || !ReferenceEquals(bb, b))
        {
            var c = CompareNodes(ab, bb);
            return c != 0 ? c : CompareNodes(ae, be);
        }
        return CompareNodes(a, b);
    }

    static int Rank(Expr e) => e switch
    {
        Number => 0, Symbol => 1, Power => 2, Product => 3, Sum => 4,
        Log => 5, Exponential => 6, Call => 7, Integral => 8, _ => 9,
    };

    static int CompareNodes(Expr a, Expr b)
    {
        var r = Rank(a).CompareTo(Rank(b));
        if (r != 0) return r;
        switch (a, b)
        {
            case (Number x, Number y): return x.Value.CompareTo(y.Value);
            case (Symbol x, Symbol y):
                var n = string.CompareOrdinal(x.Name, y.Name);
                return n != 0 ? n : x.Sign.CompareTo(y.Sign);
            case (Power x, Power y):
                var c = Compare(x.Base, y.Base);
                return c != 0 ? c : Compare(x.Exponent, y.Exponent);
            case (Call x, Call y):
                var cn = string.CompareOrdinal(x.Name, y.Name);
                if (cn != 0) return cn;
                var cp = Lexicographic(x.Partials.Select(i => (Expr)Expr.Num(i)).ToList(), y.Partials.Select(i => (Expr)Expr.Num(i)).ToList());
                return cp != 0 ? cp : Lexicographic(x.Arguments, y.Arguments);
            default: return Lexicographic(a.Children, b.Children);
        }
    }

    static int Lexicographic(IReadOnlyList<Expr> x, IReadOnlyList<Expr> y)
    {
        for (int i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            var c = Compare(x[i], y[i]);
            if (c != 0) return c;
        }
        return x.Count.CompareTo(y.Count);
    }

    public static readonly IComparer<Expr> Comparer = Comparer<Expr>.Create(Compare);

    /// <summary>Order for the terms of a sum: by the term without its coefficient, constants last.</summary>
    public static int CompareTerms(Expr a, Expr b)
    {
        if (a is Number) return b is Number ? 0 : 1;
        if (b is Number) return -1;
        var (_, ra) = Canonical.SplitCoefficient(a);
        var (_, rb) = Canonical.SplitCoefficient(b);
        var c = Compare(ra, rb);
        return c != 0 ? c : Compare(a, b);
    }
}
