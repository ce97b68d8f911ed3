using System.Collections.Immutable;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Numbers;

/// <summary>
/// Rewrites, for numbers only, the sums of erfs that lose every digit in floating point: a
/// log-normal partial moment is r·(erf(x) − erf(y)) or r·(1 + erf(x)), and its arguments lie far
/// out in a tail (erf(4.6) = 1 − 2e-11), where the difference of two numbers near ±1 keeps none of
/// the value's digits. Pairs of terms in one sum become
/// r + r·erf(x) → r·erfc(−x), r·erf(x) − r → −r·erfc(x), r·erf(x) − r·erf(y) → r·erfdiff(x, y),
/// computed from erfc in the tail they lie in (<see cref="SpecialFunctions.ErfDifference"/>). The
/// value is the same real number; the names are internal (the language has erf only).
/// </summary>
public static class StableForms
{
    public const string Erfc = "erfc#", ErfDifference = "erfdiff#";

    public static Expr Rewrite(Expr e) =>
        e.Any(n => n is Call { Name: "erf" }) ? Canonical.Transform(e, n => n is Sum s ? Pair(s) : n, StructuralSign.Instance) : e;

    static Expr Pair(Sum sum)
    {
        var terms = sum.Terms.ToList();
        var changed = false;
        for (int i = 0; i < terms.Count; i++)
        {
            if (Split(terms[i]) is not var (rest, x)) continue;
            var negated = Canonical.Mul([Expr.MinusOne, rest], StructuralSign.Instance);
            for (int j = 0; j < terms.Count; j++)
            {
                if (j == i) continue;
                Expr? paired = null;
                if (terms[j].Equals(rest)) paired = Mul(rest, Call(Erfc, Neg(x)));
                else if (terms[j].Equals(negated)) paired = Mul(negated, Call(Erfc, x));
                else if (Split(terms[j]) is var (otherRest, y) && otherRest.Equals(negated)) paired = Mul(rest, Call(ErfDifference, x, y));
                if (paired is null) continue;
                terms[i] = paired;
                terms.RemoveAt(j);
                if (j < i) i--;
                changed = true;
                break;
            }
        }
        return changed ? Canonical.Add(terms, StructuralSign.Instance) : sum;
    }

    /// <summary>A term r·erf(x) as (r, x); null when the term has no erf factor, or more than one.</summary>
    static (Expr Factor, Expr Argument)? Split(Expr term)
    {
        IReadOnlyList<Expr> factors = term is Product p ? p.Factors : [term];
        var erfs = factors.Where(f => f is Call { Name: "erf", Partials.IsEmpty: true, Arguments.Length: 1 }).ToList();
        if (erfs.Count != 1) return null;
        var rest = Canonical.Mul(factors.Where(f => !ReferenceEquals(f, erfs[0])).ToArray(), StructuralSign.Instance);
        return (rest, ((Call)erfs[0]).Arguments[0]);
    }

    static Expr Mul(Expr a, Expr b) => Canonical.Mul([a, b], StructuralSign.Instance);
    static Expr Neg(Expr a) => Canonical.Mul([Expr.MinusOne, a], StructuralSign.Instance);
    static Expr Call(string name, params Expr[] args) => Canonical.Call(name, args, ImmutableArray<int>.Empty);
}
