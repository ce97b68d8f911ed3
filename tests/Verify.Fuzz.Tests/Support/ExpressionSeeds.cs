using Verify.Model.Claims;

namespace Verify.Fuzz.Tests.Support;

/// <summary>Expressions and --at points to damage: every piece of math in the bundled claims, and plain expressions using each built-in.</summary>
public static class ExpressionSeeds
{
    /// <summary>Over the bundled model's names (for eval --regime).</summary>
    public static readonly IReadOnlyList<string> Model = ClaimsMath().Distinct().ToList();

    /// <summary>In x, y and a (for simplify and plain eval, with x, y, a given).</summary>
    public static readonly IReadOnlyList<string> Plain =
    [
        "x^a*x^b/x", "diff(x^3, x)", "integral(a^(1 - x)*2*a, a, 0, 1)", "max(x, y) - min(x, 2)", "abs(x - y)/sqrt(x^2 + 1)",
        "ln(x*y) - log(x) - ln(y)", "exp(-x^2/2)*(1 + x)^(-1/2)", "((x + y)^3 - x^3)/y", "diff(ln(1 + x*y), y)",
        "(x^2 - 1)/(x - 1)", "2^-1 + 3^(1/3)*x", "x", "1e-3*x + 1.5e2",
    ];

    /// <summary>The points given with --at, in the order the parameters are declared.</summary>
    public const string ModelPoint = "sigma=3,rho=4,sE=0.6,phi=0.5,f=1,fI=0.5";
    public const string PlainPoint = "x=2,y=3,a=0.5,b=1.5";

    public static readonly IReadOnlyList<string> Regimes = ["autarky", "entry", "onset", "relocation", "relocation-entry"];

    static IEnumerable<string> ClaimsMath()
    {
        foreach (var claim in ClaimsLoader.LoadBundled().Claims)
        {
            foreach (var w in claim.Where) yield return w.Text;
            foreach (var (_, value) in claim.With) yield return value.Text;
            foreach (var a in claim.Assertions)
            {
                switch (a)
                {
                    case UniversalAssertion u: yield return u.Relation.Text; break;
                    case ExistsAssertion e: yield return e.Relation.Text; break;
                    case ForAllAssertion f: yield return f.Relation.Text; yield return f.Upper.Text; break;
                    case MonotoneAssertion m: yield return m.Expression.Text; yield return m.Upper.Text; break;
                    case LimitAssertion l: yield return l.Expression.Text; break;
                    case FormulaAssertion f: yield return f.Derived.Text; yield return f.Paper.Text; break;
                }
            }
        }
    }
}
