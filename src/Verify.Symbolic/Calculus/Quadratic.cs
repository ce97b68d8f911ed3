using Verify.Symbolic.Algebra;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// a*y^2 + b*y + c = 0 in y = x^p. The roots are found by Vieta when y = 1 or y = -1 is one of
/// them (a + b + c = 0 or a - b + c = 0, tested by expansion), else by the formula with the
/// discriminant proved non-negative and a proved non-zero. Of the two roots, those the oracle
/// proves to lie outside x's domain are dropped; exactly one must remain: it is the root in the
/// domain, if there is one there at all.
/// </summary>
internal static class Quadratic
{
    public const string RuleLeading = "a*y^2 + b*y + c = 0 is quadratic only if a != 0";
    public const string RuleDiscriminant = "a*y^2 + b*y + c = 0 has real roots only if b^2 - 4*a*c >= 0";
    public const string RuleRootPositive = "y = x^p with p not an integer needs y > 0";

    /// <summary>Which of two exponents is the square of the other's power: indexes (Square, Linear), or null.</summary>
    public static (int Square, int Linear)? Degrees(IReadOnlyList<Expr> exponents, ISignOracle oracle)
    {
        for (int i = 0; i < 2; i++)
            if (Canonical.Mul([Expr.Num(2), exponents[1 - i]], oracle).Equals(exponents[i])) return (i, 1 - i);
        return null;
    }

    public static SolveResult Solve(Expr a, Expr b, Expr c, Expr p, Symbol x, ISignOracle oracle)
    {
        if (!oracle.Proves(a, SignSet.NonZero, RuleLeading))
            return SolveResult.Failed($"quadratic in {Atom(x, p)} with leading coefficient {a}, which the oracle does not prove non-zero");
        var conditions = new List<SideCondition> { new(RuleLeading, a, SignSet.NonZero) };
        var roots = new List<Expr>();
        string how;
        if (Expansion.ExpandsToZero(Canonical.Add([a, b, c], oracle), oracle))
        {
            roots.AddRange([Expr.One, Quotient(c, a, oracle)]);
            how = "a + b + c = 0, so y = 1 and y = c/a";
        }
        else if (Expansion.ExpandsToZero(Canonical.Add([a, Canonical.Mul([Expr.MinusOne, b], oracle), c], oracle), oracle))
        {
            roots.AddRange([Expr.MinusOne, Canonical.Mul([Expr.MinusOne, Quotient(c, a, oracle)], oracle)]);
            how = "a - b + c = 0, so y = -1 and y = -c/a";
        }
        else
        {
            var discriminant = Simplifier.Simplify(Expansion.Expand(
                Canonical.Add([Canonical.Pow(b, Expr.Num(2), oracle), Canonical.Mul([Expr.Num(-4), a, c], oracle)], oracle), oracle), oracle);
            if (!oracle.Proves(discriminant, SignSet.NonNegative, RuleDiscriminant))
                return SolveResult.Failed($"quadratic in {Atom(x, p)} whose discriminant {discriminant} the oracle does not prove non-negative");
            conditions.Add(new SideCondition(RuleDiscriminant, discriminant, SignSet.NonNegative));
            var root = Canonical.Pow(discriminant, Expr.OneHalf, oracle);
            foreach (var sign in new[] { Expr.One, Expr.MinusOne })
                roots.Add(Quotient(Canonical.Add([Canonical.Mul([Expr.MinusOne, b], oracle), Canonical.Mul([sign, root], oracle)], oracle),
                    Canonical.Mul([Expr.Num(2), a], oracle), oracle));
            how = "y = (-b ± sqrt(b^2 - 4ac))/(2a)";
        }

        var integerPower = p is Number { Value.IsInteger: true };
        var candidates = new List<Expr>();
        foreach (var y in roots)
        {
            if (!integerPower && (oracle.SignOf(y) & SignSet.Positive) == 0) continue;   // x^p of a positive x is positive
            var value = p.Equals(Expr.One) ? y : Canonical.Pow(y, Canonical.Pow(p, Expr.MinusOne, oracle), oracle);
            value = Simplifier.Simplify(value, oracle);
            if (Excluded(value, x, oracle) || candidates.Contains(value)) continue;
            candidates.Add(value);
        }
        if (candidates.Count == 0) return SolveResult.Failed($"quadratic in {Atom(x, p)} ({how}): neither root lies in the domain of {x.Name}");
        if (candidates.Count > 1)
            return SolveResult.Failed($"quadratic in {Atom(x, p)} ({how}): both roots {candidates[0]} and {candidates[1]} may lie in the domain of {x.Name}");
        var chosen = candidates[0];
        if (!integerPower && !oracle.Proves(Pow(chosen, p, oracle), SignSet.Positive, RuleRootPositive))
            return SolveResult.Failed($"quadratic in {Atom(x, p)}: the root {chosen} is not proved to give {Atom(x, p)} > 0");
        var others = roots.Count - 1;
        return SolveResult.Solved(chosen, SolveMethod.Quadratic,
            $"quadratic in {Atom(x, p)} ({how}); the other root{(others == 1 ? " lies" : "s lie")} outside the domain of {x.Name}",
            conditions.Where(k => k.Expression is not Number).ToList(), []);
    }

    static Expr Pow(Expr x, Expr p, ISignOracle oracle) => Canonical.Pow(x, p, oracle);

    static string Atom(Symbol x, Expr p) => p.Equals(Expr.One) ? x.Name : $"{x.Name}^({p})";

    static Expr Quotient(Expr n, Expr d, ISignOracle oracle) =>
        Rationals.Cancel(Rationals.Together(Canonical.Mul([n, Canonical.Pow(d, Expr.MinusOne, oracle)], oracle), oracle), oracle);


    /// <summary>True when the oracle proves that <paramref name="value"/> breaks one of x's domain relations or its sign.</summary>
    static bool Excluded(Expr value, Symbol x, ISignOracle oracle)
    {
        var declared = x.Sign switch { SymbolSign.Positive => SignSet.Positive, SymbolSign.NonNegative => SignSet.NonNegative, _ => SignSet.Any };
        if ((oracle.SignOf(value) & declared) == 0) return true;
        foreach (var r in oracle.DomainOf(x))
        {
            // The relation as "Left - Right has a sign in this set", at x = value.
            var (difference, allowed) = r.AsSign();
            var at = Simplifier.Simplify(difference.Substitute(x, value, oracle), oracle);
            if (at.Contains(x)) continue;
            if ((oracle.SignOf(at) & allowed) == 0) return true;
        }
        return false;
    }
}
