using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra.Polynomials;

/// <summary>Exact division of multivariate polynomials over the rationals.</summary>
public static class PolynomialDivision
{
    /// <summary>
    /// q with a = q*b, or null when b does not divide a (or b is zero). Reads leading terms in
    /// lexicographic order: if b divides a, each leading term of what is left is the leading term
    /// of b times a term of the quotient, so a leading term that b's does not divide proves the
    /// division inexact.
    /// </summary>
    public static SparsePolynomial? Divide(SparsePolynomial a, SparsePolynomial b, PolynomialWork? work = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (b.IsZero) return null;
        if (a.IsZero) return a;
        // Degrees add under products, so each quotient term lies in this box; outside it, b cannot divide a.
        var room = new int[a.Variables];
        for (int v = 0; v < a.Variables; v++)
            if ((room[v] = a.Degree(v) - b.Degree(v)) < 0) return null;
        var (lead, leadCoefficient) = b.Leading();
        var rest = new Dictionary<Monomial, Rational>(a.Terms);
        var quotient = new List<(Monomial, Rational)>();
        while (rest.Count > 0)
        {
            var (m, c) = LeadingOf(rest);
            if (m.Over(lead) is not { } t || Enumerable.Range(0, room.Length).Any(v => t[v] > room[v])) return null;
            var k = c / leadCoefficient;
            quotient.Add((t, k));
            work?.Spend(b.TermCount);
            foreach (var (n, d) in b.Terms) SparsePolynomial.Accumulate(rest, n.Times(t), -k * d);
        }
        return SparsePolynomial.FromTerms(a.Variables, quotient);
    }

    static (Monomial, Rational) LeadingOf(Dictionary<Monomial, Rational> terms)
    {
        var best = default(KeyValuePair<Monomial, Rational>);
        var first = true;
        foreach (var kv in terms)
            if (first || kv.Key.CompareTo(best.Key) > 0) { best = kv; first = false; }
        return (best.Key, best.Value);
    }
}
