using System.Collections.Immutable;
using System.Numerics;
using Verify.Symbolic.Core;
using Verify.Symbolic.Text;

namespace Verify.Symbolic.Presentation;

/// <summary>
/// Lays an expression out the way a paper writes it (<see cref="Form"/>): factors that share an
/// exponent gathered under one power, fI^(1/rho)*(beta - 1)^(1/rho)/f^(1/rho) as
/// ((beta - 1)*fI/f)^(1/rho), which needs every gathered base proved non-negative; and no minus
/// in front of a quotient that a sum can absorb, -(x + 1)/(x - 1) as (x + 1)/(1 - x). The form has
/// the expression's value wherever the expression is defined.
/// </summary>
public static class Layout
{
    /// <param name="gather">Whether to gather powers that share an exponent; a caller may compare both layouts.</param>
    /// <param name="refine">
    /// Rewrites a gathered base (a product of plain powers, where cancellation and abbreviations
    /// work best) into an equal one; by default it is kept as it is.
    /// </param>
    public static Form Of(Expr e, ISignOracle oracle, bool gather = true, Func<Expr, Expr>? refine = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(oracle);
        return new Writer(oracle, gather, refine ?? (x => x)).Lay(e);
    }

    sealed class Writer(ISignOracle oracle, bool gather, Func<Expr, Expr> refine)
    {
        public Form Lay(Expr e)
        {
            StackGuard.Ensure();
            switch (e)
            {
                case Sum s: return LaySum(s);
                case Product: return LayProduct(e, gather);
                case Power p when IsNegative(p.Exponent): return LayProduct(e, gather);
                case Power p:
                    var b = Lay(p.Base);
                    return b is LeafForm ? Form.Of(e) : new PowerForm(b, p.Exponent);
                case Log l:
                    var a = Lay(l.Argument);
                    return a is LeafForm ? Form.Of(e) : new LogForm(a);
                default: return Form.Of(e);
            }
        }

        Form LaySum(Sum s)
        {
            var terms = s.Terms.Select(t => IsNegative(t) ? (true, Lay(Expr.Neg(t))) : (false, Lay(t))).ToList();
            if (terms.All(t => t.Item2 is LeafForm)) return Form.Of(s);
            // Lead with a positive term: 1 - x, not -x + 1.
            var lead = terms.FindIndex(t => !t.Item1);
            if (lead > 0) { var t = terms[lead]; terms.RemoveAt(lead); terms.Insert(0, t); }
            return new SumForm([.. terms]);
        }

        Form LayProduct(Expr e, bool gatherHere)
        {
            var coefficient = e is Product p ? p.Coefficient : Rational.One;
            var factors = (e is Product q ? q.Factors.Where(f => f is not Number) : [e]).ToList();
            var above = new List<Form>();
            var below = new List<Form>();
            if (gatherHere && Gathered(factors) is { } group)
            {
                factors = factors.Except(group.Members).ToList();
                (group.Below ? below : above).Add(group.Form);
            }
            var aboveSums = new List<Expr>();
            var belowSums = new List<Expr>();
            foreach (var f in factors)
            {
                var (b, k) = Canonical.SplitPower(f);
                var down = IsNegative(k);
                var power = down ? Expr.Neg(k) : k;
                if (TurnedUnderEvenPower(b, power) is { } turned) (down ? below : above).Add(turned);
                else if (!down) { if (f is Sum) aboveSums.Add(f); else above.Add(Lay(f)); }
                else
                {
                    var d = Expr.Pow(b, power);
                    if (d is Sum) belowSums.Add(d); else below.Add(Lay(d));
                }
            }
            var negative = coefficient.Sign < 0;
            Normalise(aboveSums, belowSums, ref negative);
            above.AddRange(aboveSums.Select(Lay));
            below.AddRange(belowSums.Select(Lay));
            var magnitude = BigInteger.Abs(coefficient.Numerator);
            if (!magnitude.IsOne || above.Count == 0) above.Insert(0, Form.Of(Expr.Num(magnitude)));
            if (!coefficient.Denominator.IsOne) below.Insert(0, Form.Of(Expr.Num(coefficient.Denominator)));
            if (!negative && above.Count == 1 && below.Count == 0) return above[0];
            return new QuotientForm(negative, [.. above], [.. below]);
        }

        /// <summary>(1 + x - y)^2 rather than (y - x - 1)^2: a sum under an even power is turned when that leaves fewer negative terms.</summary>
        Form? TurnedUnderEvenPower(Expr b, Expr k) =>
            b is Sum && k is Number { Value: { IsInteger: true } n } && n.Numerator.IsEven && NegativeTerms(Negated(b)) < NegativeTerms(b)
                ? new PowerForm(Lay(Negated(b)), k) : null;

        /// <summary>
        /// Sums that read better negated (fewer negative terms) are negated, and a minus in front is absorbed by the sum
        /// that reads best negated (below the line first): -(x + 1)/(x - 1) = (x + 1)/(1 - x).
        /// </summary>
        static void Normalise(List<Expr> above, List<Expr> below, ref bool negative)
        {
            foreach (var list in new[] { above, below })
                for (int i = 0; i < list.Count; i++)
                    if (list[i] is Sum && NegativeTerms(Negated(list[i])) < NegativeTerms(list[i])) { list[i] = Negated(list[i]); negative = !negative; }
            if (!negative) return;
            foreach (var list in new[] { below, above })
            {
                var best = -1;
                for (int i = 0; i < list.Count; i++)
                    if (NegativeTerms(Negated(list[i])) <= NegativeTerms(list[i]) && (best < 0 || NegativeTerms(list[i]) > NegativeTerms(list[best])))
                        best = i;
                if (best < 0) continue;
                list[best] = Negated(list[best]);
                negative = false;
                return;
            }
        }

        /// <summary>-s with the minus taken into each term (canonical negation keeps -1*(a + b) as a product).</summary>
        static Expr Negated(Expr s) => Expr.Add(((Sum)s).Terms.Select(Expr.Neg));

        static int NegativeTerms(Expr e) => e is Sum s ? s.Terms.Count(IsNegative) : IsNegative(e) ? 1 : 0;

        sealed record Group(IReadOnlyList<Expr> Members, Form Form, bool Below);

        /// <summary>
        /// The largest set of at least two factors x_j^(q_j*u) sharing a unit exponent u (not a whole
        /// number), their bases proved non-negative, written (prod x_j^q_j)^u; below the line when every q_j is negative.
        /// </summary>
        Group? Gathered(IReadOnlyList<Expr> factors)
        {
            var powers = factors.Select(f => (Factor: f, Split: Canonical.SplitPower(f)))
                .Where(x => !IsWhole(x.Split.Exponent) && oracle.SignOf(x.Split.Base).Within(SignSet.NonNegative)).ToList();
            if (powers.Count < 2) return null;
            List<(Expr Factor, Expr Base, Expr Ratio)>? best = null;
            Expr? bestUnit = null;
            foreach (var unit in powers.Select(x => Positive(x.Split.Exponent)).Distinct())
            {
                var members = new List<(Expr, Expr, Expr)>();
                foreach (var (factor, (b, k)) in powers)
                {
                    var ratio = Canonical.Mul([k, Expr.Pow(unit, Expr.MinusOne)], oracle);
                    if (ratio.Size <= k.Size && !ratio.Any(n => n is Power pw && pw.Exponent is Number { Value.Sign: < 0 } && pw.Base is not Number))
                        members.Add((factor, b, ratio));
                }
                if (members.Count >= 2 && (best is null || members.Count > best.Count || members.Count == best.Count && unit.Size < bestUnit!.Size))
                    (best, bestUnit) = (members, unit);
            }
            if (best is null) return null;
            var below = best.All(m => IsNegative(m.Ratio));
            var inner = refine(Expr.Mul(best.Select(m => Expr.Pow(m.Base, below ? Expr.Neg(m.Ratio) : m.Ratio))));
            return new Group(best.Select(m => m.Factor).ToList(), new PowerForm(LayProduct(inner, gatherHere: false), bestUnit!), below);
        }

        static Expr Positive(Expr k) => IsNegative(k) ? Expr.Neg(k) : k;
    }

    static bool IsWhole(Expr k) => k is Number { Value.IsInteger: true };

    static bool IsNegative(Expr term) => Canonical.SplitCoefficient(term).Coefficient.Sign < 0;
}
