using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;

namespace Verify.Claims.Checking;

/// <summary>
/// Equivalent polynomial forms of an inequality, for the sign oracle's linear reasoning, which
/// treats every product of atoms as an unknown of its own: 1/sE - 1 &lt; phi and
/// aR &lt;= aX (aR/aX = phi*(2*sE - 1)/((1 - phi)*(1 - sE))) say nothing to each other as written,
/// but as phi*sE + sE - 1 &gt; 0 and phi*sE + sE - 1 &lt;= 0 they contradict. Each form holds exactly
/// where the relation does (given the oracle's assumptions), so adding it is sound:
/// <list type="bullet">
/// <item>L - R over one denominator D of proved sign, the numerator's factors of proved sign dropped
/// (the operator turned for each negative one): what is left, multiplied out, compared with 0;</item>
/// <item>for L, R &gt; 0: L/R compared with 1, raised first to the whole power k that clears its
/// fractional exponents (t ↦ t^k is increasing for t &gt; 0): phi &lt; ((1 - sE)/sE)^(1/2) becomes
/// phi^2*sE + sE - 1 &lt; 0.</item>
/// </list>
/// </summary>
public static class ConditionForms
{
    const int MaxRoot = 6;
    const int MaxTerms = 64;

    public static IEnumerable<Relation> Of(Relation r, ISignOracle oracle)
    {
        if (r.Operator is not (RelationOperator.Less or RelationOperator.LessOrEqual or RelationOperator.Greater or RelationOperator.GreaterOrEqual)) yield break;
        if (Difference(Expr.Sub(r.Left, r.Right), r.Operator, oracle) is { } direct) yield return direct;
        if (!oracle.Proves(r.Left, SignSet.Positive, "L/R op 1 for L, R > 0") || !oracle.Proves(r.Right, SignSet.Positive, "L/R op 1 for L, R > 0")) yield break;
        var ratio = Rationals.Cancel(Expr.Div(r.Left, r.Right), oracle);
        var k = RootOrder(ratio);
        if (k is < 1 or > MaxRoot) yield break;
        var powered = Simplifier.Recanonicalise(Expr.Pow(ratio, Expr.Num(k)), oracle);
        if (Difference(Expr.Sub(powered, Expr.One), r.Operator, oracle) is { } scaled) yield return scaled;
    }

    /// <summary>d op 0 as (factor of d of unknown sign, multiplied out) op' 0; null when that is not plainly one factor.</summary>
    static Relation? Difference(Expr d, RelationOperator op, ISignOracle oracle)
    {
        var (numerator, denominator) = Rationals.NumeratorDenominator(Rationals.Together(d, oracle));
        var flip = false;
        foreach (var f in Factors(denominator))
        {
            var s = oracle.SignOf(f);
            if (s.Within(SignSet.Positive)) continue;
            if (s.Within(SignSet.Negative)) { flip = !flip; continue; }
            return null;
        }
        // The sum left once the common factor is out is the form wanted, even when the oracle knows its
        // sign already (it may know it without its linear system holding it); other factors need a proved sign.
        var factors = Factors(Factoring.FactorCommon(numerator, oracle)).ToList();
        var sums = factors.Count(f => f is Sum);
        Expr? open = null;
        foreach (var f in factors)
        {
            if (f is Sum && sums == 1) { open = f; continue; }
            var s = oracle.SignOf(f);
            if (s.Within(SignSet.Positive)) continue;
            if (s.Within(SignSet.Negative)) { flip = !flip; continue; }
            if (open is not null) return null;
            open = f;
        }
        if (open is null || !Expansion.TryExpand(open, oracle, MaxTerms, out var expanded)) return null;
        return new Relation(expanded, flip ? Turned(op) : op, Expr.Zero);
    }

    static IEnumerable<Expr> Factors(Expr e) => e is Product p ? p.Factors : [e];

    static RelationOperator Turned(RelationOperator op) => op switch
    {
        RelationOperator.Less => RelationOperator.Greater,
        RelationOperator.LessOrEqual => RelationOperator.GreaterOrEqual,
        RelationOperator.Greater => RelationOperator.Less,
        _ => RelationOperator.LessOrEqual,
    };

    /// <summary>The least common denominator of the numeric exponents of a product's factors (0 when there is a symbolic one).</summary>
    static int RootOrder(Expr e)
    {
        long k = 1;
        foreach (var f in Factors(e))
        {
            if (f is Number) continue;
            var (_, exponent) = Canonical.SplitPower(f);
            if (exponent is not Number n) return 0;
            var d = (long)n.Value.Denominator;
            k = k / Gcd(k, d) * d;
            if (k > MaxRoot) return 0;
        }
        return (int)k;
    }

    static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);
}
