namespace Verify.Symbolic.Numbers;

/// <summary>
/// The value of a quadrature, the size of its last correction (an estimate of its error), and
/// the estimate of ∫|f| that the error is judged against.
/// </summary>
public readonly record struct QuadratureResult(double Value, double ErrorEstimate, double Mass, int Evaluations)
{
    public bool IsFinite => double.IsFinite(Value);

    /// <summary>Whether the error estimate is within <paramref name="relativeTolerance"/> of ∫|f|; a divergent integral is not.</summary>
    public bool Converged(double relativeTolerance) => IsFinite && ErrorEstimate <= relativeTolerance * Mass;
}

/// <summary>
/// Tanh-sinh (double-exponential) quadrature on [lo, hi] that keeps integrable endpoint
/// singularities such as a^(-0.8) on [0, x] accurate: each node's distance from its nearer
/// endpoint is computed directly rather than as a difference, so nodes reach 1e-300 from the
/// endpoint instead of stopping at rounding distance (which loses digits in proportion to the
/// strength of the singularity). The step halves until the error, judged from the last two
/// corrections, is below the tolerance relative to ∫|f|, so cancelling integrands are not asked
/// for more digits than exist.
/// </summary>
public static class TanhSinhQuadrature
{
    const int MaxLevel = 9;          // step 2^-9: about 3,000 nodes at most
    const double TMax = 6.2;         // beyond this the node's distance from its endpoint underflows
    const double TailDistance = 1e-30;   // relative to the half-width: where a non-finite value is an artifact

    public static QuadratureResult Integrate(Func<double, double> f, double lo, double hi, double relativeTolerance = 1e-14)
    {
        if (lo == hi) return new(0, 0, 0, 0);
        if (lo > hi)
        {
            var flipped = Integrate(f, hi, lo, relativeTolerance);
            return flipped with { Value = -flipped.Value };
        }
        if (!double.IsFinite(lo) || !double.IsFinite(hi)) return new(double.NaN, double.PositiveInfinity, double.NaN, 0);

        var half = (hi - lo) / 2;
        int evaluations = 0;

        // Where a tail is cut off (see Term); nodes at or beyond |t| = cut on that side are skipped.
        double leftCut = double.PositiveInfinity, rightCut = double.PositiveInfinity;
        var leftTail = new Tail();
        var rightTail = new Tail();

        // The term at node k of a level, on the side of sign (without the step h): weight times
        // integrand. A node that rounds onto an endpoint takes f there, or is skipped where f is
        // infinite there: on a narrow interval far from 0 (C(aR, aD) with aR near aD) skipping
        // them all would leave out a strip as wide as the endpoint's rounding, more than the
        // tolerance, and no level would converge. Deep in a tail, an integrand written as a
        // product such as (a^(1-sigma)*B - f)*a^(rho-1) can overflow to inf*0 although its value is
        // tiny; that tail is cut at the node, whose weight is then far below the tolerance.
        double Term(in Node node, int sign)
        {
            if (sign < 0 ? node.T >= leftCut : node.T >= rightCut) return 0;
            var distance = half * node.Distance;                 // from the nearer endpoint
            var x = sign < 0 ? lo + distance : node.T > 0 ? hi - distance : lo + half;
            evaluations++;
            var fx = f(x);
            if ((x <= lo || x >= hi) && !double.IsFinite(fx)) return 0;
            var term = half * node.Weight * fx;
            if (double.IsFinite(term)) { (sign < 0 ? leftTail : rightTail).Saw(distance, fx); return term; }
            if (distance > TailDistance * half) return term;
            if (sign < 0) leftCut = Math.Min(leftCut, node.T); else rightCut = Math.Min(rightCut, node.T);
            return 0;
        }

        // Level 0 (step 1) also fixes how far out the terms matter.
        var coarseNodes = Levels[0];
        var reach = coarseNodes.Length - 1;
        var coarse = new double[2 * reach + 1];
        double sum = 0, absSum = 0;
        for (int j = -reach; j <= reach; j++)
        {
            var term = coarse[j + reach] = Term(coarseNodes[Math.Abs(j)], Math.Sign(j));
            sum += term; absSum += Math.Abs(term);
        }
        if (!double.IsFinite(sum)) return new(double.NaN, double.PositiveInfinity, double.NaN, evaluations);
        double extent = 0;
        for (int j = -reach; j <= reach; j++)
            if (Math.Abs(coarse[j + reach]) > 1e-30 * absSum) extent = Math.Max(extent, Math.Abs(j));
        extent = Math.Min(TMax, extent + 1);

        // The error of a level is judged from its correction and the one before: tanh-sinh
        // converges at least geometrically, about quadratically, so the correction still to come is
        // at most correction²/previous correction. Waiting for the correction itself to fall below
        // the tolerance would compute one level more, as many nodes as all before it together.
        double step = 1, estimate = sum, error = double.PositiveInfinity, correction = double.PositiveInfinity;
        for (int level = 1; level <= MaxLevel; level++)
        {
            step /= 2;
            foreach (var node in Levels[level])
            {
                if (node.T > extent) break;
                var a = Term(node, 1); var b = Term(node, -1);
                sum += a + b; absSum += Math.Abs(a) + Math.Abs(b);
            }
            if (!double.IsFinite(sum)) return new(double.NaN, double.PositiveInfinity, double.NaN, evaluations);
            var next = step * sum;
            var previous = correction;
            correction = Math.Abs(next - estimate);
            estimate = next;
            error = correction < previous ? correction * (correction / previous) : correction;
            if (level >= 3 && error <= relativeTolerance * step * absSum) break;
        }
        // A cut tail was left out: add its mass, as if f were a power of the distance there, to the error.
        if (double.IsFinite(leftCut)) error += leftTail.Mass();
        if (double.IsFinite(rightCut)) error += rightTail.Mass();
        return new(estimate, error, step * absSum, evaluations);
    }

    /// <summary>A node t ≥ 0 on [-1, 1], its distance from the nearer endpoint and its weight, both for a half-width of 1.</summary>
    readonly record struct Node(double T, double Distance, double Weight);

    /// <summary>
    /// The nodes new at each level, computed once: level 0 holds t = 0, 1, ..., 6, level k the odd
    /// multiples of 2^-k up to <see cref="TMax"/>. Each node's distance from its endpoint is
    /// 2e/(1 + e) with e = exp(-π sinh t), never 1 − x, so it keeps its digits near the endpoint.
    /// </summary>
    static readonly Node[][] Levels = BuildLevels();

    static Node[][] BuildLevels()
    {
        static Node At(double t)
        {
            var e = Math.Exp(-Math.PI * Math.Sinh(t));
            return new(t, 2 * e / (1 + e), Math.PI / 2 * Math.Cosh(t) * 4 * e / ((1 + e) * (1 + e)));
        }
        var levels = new Node[MaxLevel + 1][];
        levels[0] = Enumerable.Range(0, (int)TMax + 1).Select(j => At(j)).ToArray();
        for (int level = 1; level <= MaxLevel; level++)
        {
            var step = Math.ScaleB(1.0, -level);
            var nodes = new List<Node>();
            for (var t = step; t <= TMax; t += 2 * step) nodes.Add(At(t));
            levels[level] = [.. nodes];
        }
        return levels;
    }

    /// <summary>The two evaluated nodes nearest an endpoint, to estimate the mass of a cut tail.</summary>
    sealed class Tail
    {
        double _d1 = double.PositiveInfinity, _f1, _d2 = double.PositiveInfinity, _f2;

        public void Saw(double distance, double value)
        {
            if (distance < _d1) { (_d2, _f2) = (_d1, _f1); (_d1, _f1) = (distance, value); }
            else if (distance < _d2 && distance != _d1) (_d2, _f2) = (distance, value);
        }

        /// <summary>
        /// ∫ over [0, d1] of |f| ~ c·d^p, with p from the two nodes; infinite when p ≤ -1 or unknown.
        /// An integrand that has underflowed to 0 at the nearest node (t^21 near 0, say, before
        /// inf*0 deeper in) leaves nothing representable in the tail.
        /// </summary>
        public double Mass()
        {
            if (_f1 == 0 && double.IsFinite(_d1)) return 0;
            if (!double.IsFinite(_d2) || _f2 == 0) return double.PositiveInfinity;
            var p = Math.Log(Math.Abs(_f1 / _f2)) / Math.Log(_d1 / _d2);
            return p > -1 ? Math.Abs(_f1) * _d1 / (p + 1) : double.PositiveInfinity;
        }
    }
}
