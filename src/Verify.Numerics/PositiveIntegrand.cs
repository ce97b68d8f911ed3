using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>
/// An integrand rewritten for integration over positive values of its variable: the variable
/// becomes a positive symbol, so the canonical rules merge its powers, and products are
/// distributed over sums that contain it. (a^(1-sigma)*B - f)*a^(rho-1) becomes
/// B*a^(rho-sigma) - f*a^(rho-1), whose terms stay finite near 0 where the original overflows
/// to inf*0. Equal to the original wherever the variable is positive, and used only there.
/// </summary>
static class PositiveIntegrand
{
    const int MaxTerms = 64;

    public static Expr Rewrite(Expr body, Symbol variable, Symbol positive) =>
        Distribute(body.Substitute(variable, positive), positive) ?? body.Substitute(variable, positive);

    /// <summary>The distributed form, or null when it would exceed <see cref="MaxTerms"/> terms.</summary>
    static Expr? Distribute(Expr e, Symbol v)
    {
        switch (e)
        {
            case Sum s:
                var terms = new List<Expr>();
                foreach (var t in s.Terms)
                {
                    if (Distribute(t, v) is not { } d) return null;
                    terms.Add(d);
                }
                return Expr.Add(terms);
            case Product p when p.Factors.FirstOrDefault(f => f is Sum && f.Contains(v)) is Sum sum:
                if (sum.Terms.Length > MaxTerms) return null;
                var rest = p.Factors.Where(f => !ReferenceEquals(f, sum)).ToArray();
                var products = new List<Expr>();
                foreach (var t in sum.Terms)
                {
                    if (Distribute(Expr.Mul([t, .. rest]), v) is not { } d) return null;
                    products.Add(d);
                    if (products.Count > MaxTerms) return null;
                }
                return Expr.Add(products);
            default:
                return e;
        }
    }
}
