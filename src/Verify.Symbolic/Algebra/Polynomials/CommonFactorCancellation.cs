using Verify.Symbolic.Core;

namespace Verify.Symbolic.Algebra.Polynomials;

/// <summary>
/// Cancels the common polynomial factors of the sums in a numerator and a denominator, whatever
/// the number of atoms: each pair is read as multivariate polynomials, their gcd found, and the
/// gcd divided out of both when the oracle proves it non-zero (under <see cref="Rationals.RuleCancel"/>).
/// -fI*phi*(sE + phi^2*sE - 1)^2*(...)/(sE + phi^2*sE - 1)^2 loses the squared factor, which a gcd
/// in one atom cannot see.
/// </summary>
public static class CommonFactorCancellation
{
    /// <summary>Sums with more terms than this are left alone: cancellation runs on every candidate form simplification tries.</summary>
    public const int MaxTerms = 400;

    /// <summary>Coefficient operations allowed for all the gcds of one cancellation.</summary>
    public const long Budget = 200_000;

    sealed class Entry(Expr original, SparsePolynomial polynomial, int power, bool changed)
    {
        public Expr Original = original;
        public SparsePolynomial Polynomial = polynomial;
        public int Power = power;
        public bool Changed = changed;
    }

    /// <summary>
    /// The numerator's and the denominator's sum factors (sum, whole power) with their common
    /// factors removed, as factors to multiply; false when nothing cancels.
    /// </summary>
    public static bool TryCancel(IReadOnlyList<(Sum Sum, int Power)> top, IReadOnlyList<(Sum Sum, int Power)> bottom, ISignOracle oracle,
        out List<Expr> topFactors, out List<Expr> bottomFactors)
    {
        topFactors = []; bottomFactors = [];
        if (top.Count == 0 || bottom.Count == 0) return false;
        if (top.Concat(bottom).Any(f => f.Sum.Terms.Length > MaxTerms)) return false;
        // Pairs with no symbol in common have no common factor: the usual case, decided before any reading.
        var pairs = top.SelectMany(t => bottom.Select(b => (t, b))).Where(x => x.t.Sum.FreeSymbols().Overlaps(x.b.Sum.FreeSymbols())).ToList();
        if (pairs.Count == 0) return false;
        var atoms = PolynomialAtoms.For(top.Concat(bottom).Select(f => (Expr)f.Sum), MaxTerms);
        if (atoms is null) return false;
        var tops = Read(top, atoms);
        var bottoms = Read(bottom, atoms);
        if (tops is null || bottoms is null) return false;

        var work = new PolynomialWork(Budget);
        var changed = false;
        for (int i = 0; i < tops.Count && !work.Exhausted; i++)
            for (int j = 0; j < bottoms.Count && !work.Exhausted; j++)
                while (tops[i].Power > 0 && bottoms[j].Power > 0)
                {
                    var (p, q) = (tops[i].Polynomial, bottoms[j].Polynomial);
                    if (p.IsConstant || q.IsConstant || !ShareAVariable(p, q)) break;
                    if (PolynomialGcd.Of(p, q, work) is not { IsConstant: false } g) break;
                    if (!atoms.PowersSplit(p, oracle) || !atoms.PowersSplit(q, oracle)) break;
                    if (!oracle.Proves(atoms.Write(g, oracle), SignSet.NonZero, Rationals.RuleCancel)) break;
                    if (PolynomialDivision.Divide(p, g) is not { } pReduced || PolynomialDivision.Divide(q, g) is not { } qReduced) break;
                    // p^a/q^b with p = g*p', q = g*q': min(a, b) copies of g go.
                    var k = Math.Min(tops[i].Power, bottoms[j].Power);
                    tops[i].Power -= k;
                    bottoms[j].Power -= k;
                    tops.Add(new Entry(tops[i].Original, pReduced, k, changed: true));
                    bottoms.Add(new Entry(bottoms[j].Original, qReduced, k, changed: true));
                    changed = true;
                }
        if (!changed) return false;
        topFactors = Build(tops, atoms, oracle);
        bottomFactors = Build(bottoms, atoms, oracle);
        return true;
    }

    static List<Entry>? Read(IReadOnlyList<(Sum Sum, int Power)> factors, PolynomialAtoms atoms)
    {
        var entries = new List<Entry>();
        foreach (var (sum, power) in factors)
        {
            if (atoms.Read(sum) is not { } p) return null;
            entries.Add(new Entry(sum, p, power, changed: false));
        }
        return entries;
    }

    static bool ShareAVariable(SparsePolynomial p, SparsePolynomial q) =>
        Enumerable.Range(0, p.Variables).Any(v => p.Contains(v) && q.Contains(v));

    static List<Expr> Build(List<Entry> entries, PolynomialAtoms atoms, ISignOracle oracle) =>
        entries.Where(e => e.Power > 0)
            .Select(e => Canonical.Pow(e.Changed ? atoms.Write(e.Polynomial, oracle) : e.Original, Expr.Num(e.Power), oracle))
            .ToList();
}
