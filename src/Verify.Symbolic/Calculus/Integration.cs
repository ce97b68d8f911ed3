using System.Collections.Immutable;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// Closed forms of definite integrals whose integrand, once products are distributed over sums,
/// is a sum of terms c·t^p with c and p free of t: ∫_l^u c t^p dt = c (u^(p+1) − l^(p+1))/(p+1),
/// or c (ln u − ln l) when p = −1; and terms c·t^p·exp(q (ln t)² + r ln t + k) with q &lt; 0 (a
/// log-normal kernel: its partial moments), which are erfs of ln u and ln l. Every condition the
/// formula needs is proved by the oracle or the integral is reported as unevaluated; nothing is
/// assumed silently.
/// </summary>
public static class Integration
{
    public const string RuleExponentNotMinusOne = "integral of t^p = t^(p+1)/(p+1) needs p + 1 != 0";
    public const string RuleConvergenceAtZero = "integral of t^p from 0 converges only if p + 1 > 0";
    public const string RuleRealOnInterval = "t^p (p not a natural number) is real on [l, u] only if l, u >= 0";
    public const string RuleGaussianInLog = "integral of exp(q*ln(t)^2 + ...) in closed form (erf) needs q < 0";
    public const string RuleLogOfLimit = "ln(t) at a limit t needs t >= 0 (a limit 0 gives ln(t) = -infinity, erf = -1)";

    public static IntegrationResult Evaluate(Expr e, ISignOracle oracle)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(oracle);
        var conditions = new List<SideCondition>();
        var unevaluated = new List<UnevaluatedIntegral>();
        // Bottom-up, so inner integrals are in closed form before the outer ones are read.
        var value = Canonical.Transform(e, node =>
        {
            if (node is not Integral i) return node;
            var attempt = new Attempt(i, oracle);
            var closed = attempt.Run();
            if (closed is null) { unevaluated.Add(new UnevaluatedIntegral(i, attempt.Failure!)); return i; }
            conditions.AddRange(attempt.Proved);
            return closed;
        }, oracle);
        return new IntegrationResult(value, [.. conditions.Distinct()], unevaluated);
    }

    /// <summary>One integral: the closed form, or null with <see cref="Failure"/> saying why.</summary>
    sealed class Attempt(Integral integral, ISignOracle oracle)
    {
        readonly Symbol _t = integral.Variable;
        public List<SideCondition> Proved { get; } = [];
        public string? Failure { get; private set; }

        public Expr? Run()
        {
            var terms = TermExpansion.Terms(integral.Body, oracle, expandIntegerPowers: true);
            if (terms is null) return Fail("the integrand has too many terms once products are multiplied out");

            // Group the terms by exponent: Σ c_k t^p integrates as (Σ c_k) t^p.
            var order = new List<Expr>();
            var groups = new Dictionary<Expr, (List<Expr> Coefficients, bool Polynomial)>();
            var pieces = new List<Expr>();
            foreach (var term in terms)
            {
                if (!Monomial.TryRead(term, _t, oracle, out var m, out var obstacle))
                {
                    if (LogGaussianTerm.TryRead(term, _t, oracle, out var gaussian))
                    {
                        var piece = GaussianPiece(gaussian);
                        if (piece is null) return null;
                        pieces.Add(piece);
                        continue;
                    }
                    return Fail($"the term {term} is not of the form c*{_t.Name}^p with c and p free of {_t.Name} (because of {obstacle})");
                }
                if (!groups.TryGetValue(m.Exponent, out var g)) { g = ([], true); order.Add(m.Exponent); }
                g.Coefficients.Add(m.Coefficient);
                groups[m.Exponent] = (g.Coefficients, g.Polynomial && m.Polynomial);
            }

            foreach (var p in order)
            {
                var (coefficients, polynomial) = groups[p];
                var piece = Piece(Canonical.Add(coefficients, oracle), p, polynomial);
                if (piece is null) return null;
                pieces.Add(piece);
            }
            return Canonical.Add(pieces, oracle);
        }

        Expr? Piece(Expr c, Expr p, bool polynomial)
        {
            var (l, u) = (integral.Lower, integral.Upper);
            var p1 = Canonical.Add([p, Expr.One], oracle);
            // A natural-number power of a real variable is a polynomial: valid on any interval.
            if (polynomial && _t.Sign == SymbolSign.Real) return PowerRule(c, p1);

            // Otherwise t^p is real only for t >= 0, and a limit that may be 0 needs convergence there.
            var mayTouchZero = false;
            foreach (var limit in new[] { l, u })
            {
                if (Prove(limit, SignSet.Positive, RuleRealOnInterval)) continue;
                if (!Prove(limit, SignSet.NonNegative, RuleRealOnInterval))
                    return Fail($"the limit {limit} is not proved >= 0, so {_t.Name}^{Paren(p)} is not known to be real on [{l}, {u}]");
                mayTouchZero = true;
            }
            if (mayTouchZero)
            {
                if (!Prove(p1, SignSet.Positive, RuleConvergenceAtZero))
                    return Fail($"the integral of {_t.Name}^{Paren(p)} from 0 converges only if {p1} > 0, which the oracle does not prove");
                return PowerRule(c, p1);
            }
            if (p1 is Number { Value.IsZero: true })
            {
                // Both limits were proved > 0 above, which is what ln needs.
                return Canonical.Mul([c, Canonical.Add([Canonical.Ln(u, oracle), Canonical.Mul([Expr.MinusOne, Canonical.Ln(l, oracle)], oracle)], oracle)], oracle);
            }
            if (!Prove(p1, SignSet.NonZero, RuleExponentNotMinusOne))
                return Fail($"the power rule for {_t.Name}^{Paren(p)} needs {p1} != 0, which the oracle does not prove");
            return PowerRule(c, p1);
        }

        /// <summary>
        /// ∫_l^u c t^p exp(q L² + r L + k) dt with L = ln t: with A = −q &gt; 0 and b = r + p + 1 the
        /// integrand is c exp(−A (L − m)² + k + b²/(4A)) dL, m = b/(2A), so the integral is
        /// c exp(k + b²/(4A)) √π/(2√A) [erf(√A (ln u − m)) − erf(√A (ln l − m))]; a lower limit 0
        /// gives erf(−∞) = −1.
        /// </summary>
        Expr? GaussianPiece(LogGaussianTerm g)
        {
            var a = Canonical.Mul([Expr.MinusOne, g.Quadratic], oracle);
            if (!Prove(a, SignSet.Positive, RuleGaussianInLog))
                return Fail($"the integrand is exp of {g.Quadratic}*ln({_t.Name})^2 + ..., in closed form only if {g.Quadratic} < 0, which the oracle does not prove");
            var b = Canonical.Add([g.Linear, g.Power, Expr.One], oracle);
            var rootA = Canonical.Pow(a, Expr.OneHalf, oracle);
            var centre = Canonical.Mul([b, Canonical.Pow(Canonical.Mul([Expr.Num(2), a], oracle), Expr.MinusOne, oracle)], oracle);
            Expr? Erf(Expr limit, bool lower)
            {
                if (limit is Number { Value.IsZero: true }) return Expr.MinusOne;
                // A limit that may be 0 (a relocation threshold aR >= 0, as either limit) keeps the formula: there
                // ln(0) = -inf and erf(-inf) = -1, the integral's value, as the numbers have it.
                if (!Prove(limit, SignSet.NonNegative, RuleLogOfLimit))
                    return Fail($"the limit {limit} is not proved >= 0 (ln of it enters the closed form)");
                var argument = Canonical.Mul([rootA, Canonical.Add([Canonical.Ln(limit, oracle), Canonical.Mul([Expr.MinusOne, centre], oracle)], oracle)], oracle);
                return Canonical.Call("erf", [argument], ImmutableArray<int>.Empty);
            }
            var upper = Erf(integral.Upper, lower: false);
            var lower = upper is null ? null : Erf(integral.Lower, lower: true);
            if (upper is null || lower is null) return null;
            var scale = Canonical.Exp(Canonical.Add([g.Constant, Canonical.Mul([Canonical.Pow(b, Expr.Num(2), oracle),
                Canonical.Pow(Canonical.Mul([Expr.Num(4), a], oracle), Expr.MinusOne, oracle)], oracle)], oracle), oracle);
            // √π as Γ(1/2), the built-in the language has for it.
            var rootPi = Canonical.Call("tgamma", [Expr.OneHalf], ImmutableArray<int>.Empty);
            return Canonical.Mul([g.Coefficient, scale, rootPi, Canonical.Pow(Canonical.Mul([Expr.Num(2), rootA], oracle), Expr.MinusOne, oracle),
                Canonical.Add([upper, Canonical.Mul([Expr.MinusOne, lower], oracle)], oracle)], oracle);
        }

        /// <summary>c (u^(p+1) − l^(p+1)) / (p+1).</summary>
        Expr PowerRule(Expr c, Expr p1)
        {
            var difference = Canonical.Add([
                Canonical.Pow(integral.Upper, p1, oracle),
                Canonical.Mul([Expr.MinusOne, Canonical.Pow(integral.Lower, p1, oracle)], oracle)], oracle);
            return Canonical.Mul([c, difference, Canonical.Pow(p1, Expr.MinusOne, oracle)], oracle);
        }

        /// <summary>Asks the oracle; records what it proved (numbers prove themselves and are not recorded).</summary>
        bool Prove(Expr e, SignSet sign, string rule)
        {
            if (!oracle.Proves(e, sign, rule)) return false;
            if (e is not Number) Proved.Add(new SideCondition(rule, e, sign));
            return true;
        }

        Expr? Fail(string reason) { Failure = reason; return null; }

        static string Paren(Expr e) => e is Number { Value.IsInteger: true, Value.Sign: >= 0 } or Symbol ? e.ToString() : $"({e})";
    }
}
