namespace Verify.Numerics;

/// <summary>
/// The residual Newton iterates on: w = asinh(L/c) − asinh(R/c). Where both sides are large
/// against the scale c it is ln(L/R), which makes conditions between power laws linear in the
/// log coordinates of positive unknowns, and, unlike the relative gap (L − R)/(|L| + |R|), it
/// does not flatten out when the sides are far apart; near zero it is smooth and linear, so a
/// side may change sign. c is fixed for a whole Newton run, from the sides at its start, so w is
/// one function during the run. Convergence is still judged by the relative gap.
/// </summary>
static class WorkingResidual
{
    /// <summary>Scales far below the sides at the start: where they matter, w is a log ratio.</summary>
    public static double[] Scales(ReadOnlySpan<double> sides, double floor)
    {
        var scales = new double[sides.Length / 2];
        for (int i = 0; i < scales.Length; i++)
            scales[i] = Math.Max(1e-10 * (Math.Abs(sides[2 * i]) + Math.Abs(sides[2 * i + 1])), floor);
        return scales;
    }

    public static void Fill(ReadOnlySpan<double> sides, double[] scales, Span<double> w)
    {
        for (int i = 0; i < scales.Length; i++)
            w[i] = Math.Asinh(sides[2 * i] / scales[i]) - Math.Asinh(sides[2 * i + 1] / scales[i]);
    }
}
