using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra.Polynomials;

/// <summary>
/// The greatest common divisor of two multivariate polynomials over the rationals, normalised
/// (<see cref="SparsePolynomial.Normalised"/>). Recursive: a polynomial is read as one in a main
/// variable x with coefficients in the others; the gcd is gcd(contents) × gcd(primitive parts),
/// the contents' gcd found by recursion on fewer variables and the primitive parts' by a
/// primitive pseudo-remainder sequence in x.
/// </summary>
/// <remarks>
/// The primitive sequence was chosen over the subresultant one and over a heuristic gcd: it keeps
/// every intermediate as small as it can be (each remainder divided by its content), needs no
/// verification step, and its cost — a content gcd per step — is small for the polynomials
/// cancellation meets here: a handful of variables of low degree. The work is bounded by a
/// <see cref="PolynomialWork"/> budget.
/// </remarks>
public static class PolynomialGcd
{
    /// <summary>The normalised gcd, or null when it needs more work than <paramref name="work"/> allows.</summary>
    public static SparsePolynomial? Of(SparsePolynomial a, SparsePolynomial b, PolynomialWork work)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(work);
        if (a.Variables != b.Variables) throw new ArgumentException("The polynomials have different variables.", nameof(b));
        try { return Gcd(a, b, work); }
        catch (PolynomialWorkExceeded) { return null; }
    }

    static SparsePolynomial One(SparsePolynomial p) => SparsePolynomial.Constant(p.Variables, Rational.One);

    static SparsePolynomial Gcd(SparsePolynomial a, SparsePolynomial b, PolynomialWork work)
    {
        StackGuard.Ensure();
        if (a.IsZero) return b.Normalised();
        if (b.IsZero) return a.Normalised();
        if (a.IsConstant || b.IsConstant) return One(a);

        // A variable in one only: the gcd is free of it, so it divides that one's coefficients in it.
        for (int v = 0; v < a.Variables; v++)
        {
            bool inA = a.Contains(v), inB = b.Contains(v);
            if (inA && !inB) return Gcd(Content(a, v, work), b, work);
            if (inB && !inA) return Gcd(a, Content(b, v, work), work);
        }

        // The main variable: the one of least degree, which keeps the remainder sequence short.
        var x = Enumerable.Range(0, a.Variables).Where(a.Contains).MinBy(v => Math.Min(a.Degree(v), b.Degree(v)));
        var contentA = Content(a, x, work);
        var contentB = Content(b, x, work);
        var content = Gcd(contentA, contentB, work);
        var p = Exact(a, contentA, work);
        var q = Exact(b, contentB, work);
        if (p.Degree(x) < q.Degree(x)) (p, q) = (q, p);
        while (true)
        {
            var r = PseudoRemainder(p, q, x, work);
            if (r.IsZero) break;
            if (r.Degree(x) == 0) { q = One(a); break; }   // primitive parts with no common factor in x
            (p, q) = (q, PrimitivePart(r, x, work));
        }
        work.Spend(content.TermCount * q.TermCount);
        return content.Multiply(PrimitivePart(q, x, work)).Normalised();
    }

    /// <summary>The gcd of p's coefficients as a polynomial in x (normalised; 1 when one of them is a number).</summary>
    static SparsePolynomial Content(SparsePolynomial p, int x, PolynomialWork work)
    {
        var coefficients = p.CoefficientsIn(x).Values.OrderBy(c => c.TermCount).ToList();
        if (coefficients[0].IsConstant) return One(p);
        var g = coefficients[0].Normalised();
        foreach (var c in coefficients.Skip(1))
        {
            g = Gcd(g, c, work);
            if (g.IsConstant) return g;
        }
        return g;
    }

    static SparsePolynomial PrimitivePart(SparsePolynomial p, int x, PolynomialWork work) =>
        Exact(p, Content(p, x, work), work).Normalised();

    static SparsePolynomial Exact(SparsePolynomial a, SparsePolynomial b, PolynomialWork work) =>
        b.IsConstant && b.Terms.Values.First().IsOne ? a
        : PolynomialDivision.Divide(a, b, work) ?? throw new InvalidOperationException("A content does not divide its polynomial.");

    /// <summary>
    /// The remainder of lc(q)^k * p divided by q in x, for the k that keeps it a polynomial:
    /// the leading power of x is removed one step at a time.
    /// </summary>
    static SparsePolynomial PseudoRemainder(SparsePolynomial p, SparsePolynomial q, int x, PolynomialWork work)
    {
        var degree = q.Degree(x);
        var lead = q.LeadingCoefficientIn(x);
        var r = p;
        while (!r.IsZero && r.Degree(x) >= degree)
        {
            var shift = Monomial.One(r.Variables).With(x, r.Degree(x) - degree);
            var leadR = r.LeadingCoefficientIn(x);
            work.Spend(r.TermCount * lead.TermCount + leadR.TermCount * q.TermCount);
            r = r.Multiply(lead).Subtract(leadR.Multiply(q).MultiplyTerm(shift, Rational.One));
            // Over the rationals a numeric factor is a unit: keeping the coefficients whole and coprime limits their growth.
            r = r.Normalised();
        }
        return r;
    }
}
