namespace Verify.Proofs;

/// <summary>
/// Splits a box in two along its widest dimension, width measured as the fraction of that
/// dimension's initial extent (so variables of different scales are treated alike). A dimension
/// whose initial range is positive (or negative) and spans at least <see cref="LogScaleRatio"/>
/// is measured and split in log space, so its small values get their share of the splits.
/// The cut is slightly off-centre: exact midpoints are often exact zeros or other special
/// points of the function, where an enclosure that touches them cannot decide the sign.
/// </summary>
internal sealed class BoxSplitter
{
    public const double SplitFraction = 0.4999;
    public const double LogScaleRatio = 100;

    readonly bool[] _logScale;
    readonly double[] _initialExtent;

    public BoxSplitter(double[] lo, double[] hi)
    {
        _logScale = new bool[lo.Length];
        _initialExtent = new double[lo.Length];
        for (int i = 0; i < lo.Length; i++)
        {
            _logScale[i] = (lo[i] > 0 && hi[i] / lo[i] >= LogScaleRatio) || (hi[i] < 0 && lo[i] / hi[i] >= LogScaleRatio);
            _initialExtent[i] = Extent(i, lo[i], hi[i]);
        }
    }

    /// <summary>True when the dimension is split in log space.</summary>
    public bool IsLogScale(int dimension) => _logScale[dimension];

    /// <summary>The two halves of the box, or false when no dimension can be split further.</summary>
    public bool TrySplit(SearchBox box, out SearchBox lower, out SearchBox upper)
    {
        int best = -1;
        double bestSize = 0, bestCut = 0;
        for (int i = 0; i < box.Lo.Length; i++)
        {
            if (_initialExtent[i] <= 0 || !TryCut(i, box.Lo[i], box.Hi[i], out var cut)) continue;
            var size = Extent(i, box.Lo[i], box.Hi[i]) / _initialExtent[i];
            if (size > bestSize) { best = i; bestSize = size; bestCut = cut; }
        }
        if (best < 0) { lower = upper = box; return false; }

        var lowerHi = (double[])box.Hi.Clone();
        lowerHi[best] = bestCut;
        var upperLo = (double[])box.Lo.Clone();
        upperLo[best] = bestCut;
        lower = new SearchBox(box.Lo, lowerHi, box.Depth + 1);
        upper = new SearchBox(upperLo, box.Hi, box.Depth + 1);
        return true;
    }

    double Extent(int i, double lo, double hi) =>
        !_logScale[i] ? hi - lo : lo > 0 ? Math.Log(hi / lo) : Math.Log(lo / hi);

    /// <summary>A cut strictly inside (lo, hi); none when the range is down to adjacent doubles.</summary>
    bool TryCut(int i, double lo, double hi, out double cut)
    {
        if (_logScale[i])
        {
            // Positive range: lo·(hi/lo)^t; negative range: the mirror image on magnitudes.
            cut = lo > 0 ? lo * Math.Pow(hi / lo, SplitFraction) : -(-hi * Math.Pow(lo / hi, 1 - SplitFraction));
            if (lo < cut && cut < hi) return true;
        }
        cut = lo + SplitFraction * (hi - lo);
        if (!double.IsFinite(cut)) cut = lo / 2 + hi / 2; // hi − lo overflowed
        return lo < cut && cut < hi;
    }
}
