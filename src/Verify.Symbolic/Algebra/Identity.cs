using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Symbolic.Algebra;

using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

/// <summary>
/// Zero tests. Symbolic first: simplification, then expansion and cancellation over a common
/// denominator, reaching 0 is a proof (equal to 0 wherever the expression is defined); an
/// oracle-proved sign is a proof of non-zero. Only if those are silent does it evaluate at random
/// admissible points, and then says that the verdict is numeric evidence, not proof.
/// </summary>
public static class Identity
{
    public const int DefaultSeed = 20140101;

    /// <summary>Decides whether <paramref name="e"/> is zero under <paramref name="a"/>; falls back to <see cref="NumericZeroTest"/> when <paramref name="numeric"/> is set.</summary>
    public static ZeroVerdict IsZero(Expr e, Assumptions a, bool numeric = true, FunctionTable? functions = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(a);
        using var scope = a.BeginTrace();
        var (status, reason) = Symbolic(e, a);
        if (status != ZeroStatus.Undecided)
            return new ZeroVerdict(status, VerdictBasis.Proof, reason, scope.Conditions);
        if (!numeric)
            return new ZeroVerdict(ZeroStatus.Undecided, VerdictBasis.None, reason, scope.Conditions);

        var report = NumericZeroTest(e, a, functions: functions);
        if (report.Evaluated == 0)
            return new ZeroVerdict(ZeroStatus.Undecided, VerdictBasis.None, $"{reason}; numerically {report.Summary}", scope.Conditions, report);
        var verdict = report.LooksZero ? ZeroStatus.Zero : ZeroStatus.NonZero;
        var what = report.LooksZero ? "numerically zero (evidence, not proof)" : "numerically non-zero (a point where it is not 0)";
        return new ZeroVerdict(verdict, VerdictBasis.NumericEvidence, $"{what}: {report.Summary}", scope.Conditions, report);
    }

    static (ZeroStatus, string) Symbolic(Expr e, Assumptions a)
    {
        if (e is Number n) return n.Value.IsZero ? (ZeroStatus.Zero, "it is the number 0") : (ZeroStatus.NonZero, $"it is the number {n}");
        var simplified = Simplifier.Simplify(e, a);
        if (IsZeroNumber(simplified)) return (ZeroStatus.Zero, "it simplifies to 0 under the assumptions");
        if (Expansion.TryExpand(simplified, a, Expansion.DefaultMaxTerms, out var expanded))
        {
            var cancelled = Rationals.Cancel(expanded, a);
            if (IsZeroNumber(cancelled)) return (ZeroStatus.Zero, "expanding over a common denominator and cancelling gives 0");
            var (numerator, _) = Rationals.NumeratorDenominator(cancelled);
            if (Expansion.TryExpand(numerator, a, Expansion.DefaultMaxTerms, out var top) && IsZeroNumber(top))
                return (ZeroStatus.Zero, "the numerator over a common denominator expands to 0");
            if (Sign(numerator, a) is { } ns) return (ZeroStatus.NonZero, $"its numerator over a common denominator, {numerator}, is proved {ns}");
        }
        if (Sign(e, a) is { } s) return (ZeroStatus.NonZero, $"the assumptions prove it {s}");
        if (!ReferenceEquals(simplified, e) && Sign(simplified, a) is { } ss) return (ZeroStatus.NonZero, $"its simplified form {simplified} is proved {ss}");
        return (ZeroStatus.Undecided, "neither simplification nor the sign oracle decides it");
    }

    static bool IsZeroNumber(Expr e) => e is Number { Value.IsZero: true };

    static string? Sign(Expr e, Assumptions a)
    {
        var s = a.SignOf(e);
        return s.Within(SignSet.NonZero) && a.Proves(e, SignSet.NonZero, "zero test") ? s.Describe() : null;
    }

    /// <summary>
    /// Evaluates <paramref name="e"/> at <paramref name="points"/> random admissible points (symbols the
    /// assumptions do not mention are drawn by their declared sign) and reports the largest residual,
    /// where it occurred, and whether all residuals are within <paramref name="tolerance"/>.
    /// </summary>
    public static NumericZeroReport NumericZeroTest(Expr e, Assumptions a, int points = 200, double tolerance = 1e-10,
        int seed = DefaultSeed, FunctionTable? functions = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(points);
        if (!(tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), "The tolerance must be a non-negative number.");
        var sample = a.Sample(new Random(seed), points, e.FreeSymbols().OrderBy(s => s.Name, StringComparer.Ordinal));
        double worst = 0; IReadOnlyDictionary<Symbol, double>? worstPoint = null;
        int evaluated = 0, undefined = 0;
        foreach (var p in sample)
        {
            double value, scale = 1;
            try
            {
                value = Evaluator.Evaluate(e, p, functions);
                if (e is Sum sum) scale = Math.Max(1, sum.Terms.Sum(t => Math.Abs(Evaluator.Evaluate(t, p, functions))));
            }
            catch (EvaluationException ex)
            {
                throw new ArgumentException($"Cannot evaluate {e} numerically: {ex.Message}.", nameof(e), ex);
            }
            if (!double.IsFinite(value) || !double.IsFinite(scale)) { undefined++; continue; }
            evaluated++;
            var residual = Math.Abs(value) / scale;
            if (worstPoint is null || residual > worst) (worst, worstPoint) = (residual, p);
        }
        return new NumericZeroReport(evaluated > 0 && worst <= tolerance, worst, worstPoint, evaluated, undefined, tolerance, seed);
    }
}
