using MathNet.Numerics.RootFinding;

namespace Verify.Numerics;

/// <summary>
/// One unknown, one condition: scan the whole domain (in the transformed coordinate) for sign
/// changes of the residual, then refine a bracket by Brent's method. A scan sees every root the
/// grid resolves, so several roots are reported rather than one picked silently.
/// </summary>
static class BracketingSolver
{
    public static RawSolution Solve(NumericProblem p)
    {
        var o = p.Options;
        var x = new double[1];
        var r = new double[1];
        int iterations = 0;
        double? Residual(double u)
        {
            iterations++;
            return p.Domain.TryScanValue([u], x) && p.Residuals.TryEvaluate(x, r) ? r[0] : null;
        }

        int points = Math.Max(3, o.ScanPoints);
        var grid = Enumerable.Range(0, points).Select(k => -o.ScanRange + 2 * o.ScanRange * k / (points - 1)).ToArray();
        var values = grid.Select(Residual).ToArray();
        var label = p.Residuals.Labels[0];

        var brackets = new List<(double Lo, double Hi)>();
        for (int k = 0; k < points; k++)
        {
            if (values[k] == 0) brackets.Add((grid[k], grid[k]));
            else if (k > 0 && values[k - 1] is { } a && values[k] is { } b && a != 0 && Math.Sign(a) != Math.Sign(b))
                brackets.Add((grid[k - 1], grid[k]));
        }
        var evaluable = values.Count(v => v is not null);
        if (brackets.Count == 0)
        {
            var reason = evaluable == 0
                ? $"the residual of '{label}' cannot be evaluated anywhere on the domain"
                : $"the residual of '{label}' does not change sign on the domain ({evaluable} of {points} scan points evaluable, " +
                  $"smallest |r| = {values.Where(v => v is not null).Min(v => Math.Abs(v!.Value)):E3})";
            var best = BestScanPoint(grid, values);
            if (best is { } u && Residual(u) is not null)
                return p.Report(false, [x[0]], [r[0]], iterations, "bracketing (scan + Brent)", reason, []);
            return RawSolution.Failure("bracketing (scan + Brent)", reason, iterations, p.Evaluations);
        }

        // Refine the bracket nearest the caller's guess (or the domain's centre) first.
        var centre = p.GuessCoordinates(scan: true)?[0] ?? 0.0;
        brackets.Sort((a, b) => Math.Abs((a.Lo + a.Hi) / 2 - centre).CompareTo(Math.Abs((b.Lo + b.Hi) / 2 - centre)));
        var notes = new List<string>();
        if (brackets.Count > 1)
            notes.Add($"the residual of '{label}' changes sign {brackets.Count} times on the domain: several roots; took the one nearest " +
                      (o.InitialGuess is null ? "the centre" : "the starting guess"));

        double bestResidual = double.PositiveInfinity;
        double[] bestX = [double.NaN], bestR = [double.NaN];
        foreach (var (lo, hi) in brackets)
        {
            var root = lo == hi ? lo : Refine(lo, hi, Residual, o.Tolerance);
            if (Residual(root) is not { } value) continue;
            if (Math.Abs(value) <= o.Tolerance)
                return p.Report(true, [x[0]], [r[0]], iterations, "bracketing (scan + Brent)", null, notes);
            if (Math.Abs(value) < bestResidual) (bestResidual, bestX[0], bestR[0]) = (Math.Abs(value), x[0], r[0]);
            notes.Add($"a sign change of '{label}' near {x[0]:G6} is not a root (residual {value:E2}): a pole or a jump");
        }
        if (double.IsPositiveInfinity(bestResidual))
            return RawSolution.Failure("bracketing (scan + Brent)", $"no bracket of '{label}' could be refined", iterations, p.Evaluations);
        return p.Report(false, bestX, bestR, iterations, "bracketing (scan + Brent)",
            $"no sign change of '{label}' refines to a residual within {o.Tolerance:E1} (best {bestResidual:E2})", notes);
    }

    static double Refine(double lo, double hi, Func<double, double?> residual, double tolerance)
    {
        // Brent needs a total function; an undefined point inside a bracket counts as no root.
        double F(double u) => residual(u) ?? double.NaN;
        return Brent.TryFindRoot(F, lo, hi, tolerance * 1e-3, 200, out var root) ? root : (lo + hi) / 2;
    }

    static double? BestScanPoint(double[] grid, double?[] values)
    {
        double? best = null; var smallest = double.PositiveInfinity;
        for (int k = 0; k < grid.Length; k++)
            if (values[k] is { } v && Math.Abs(v) < smallest) (smallest, best) = (Math.Abs(v), grid[k]);
        return best;
    }
}
