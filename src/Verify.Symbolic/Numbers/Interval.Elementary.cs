using static Verify.Symbolic.Numbers.DirectedRounding;

namespace Verify.Symbolic.Numbers;

// exp, ln and the built-ins max, min, abs, with the evaluator's semantics.
public readonly partial struct Interval
{
    public static Interval Exp(Interval x)
    {
        if (x.IsEmpty) return x;
        return Make(Math.Max(0, LibraryDown(Math.Exp(x.Lo))), LibraryUp(Math.Exp(x.Hi)), x.MayBeUndefined);
    }

    /// <summary>
    /// ln over the part of x that is ≥ 0. A negative part (ln is NaN there) or the end 0
    /// (ln 0 = −∞) flags the result; an x entirely below 0 gives the flagged empty set.
    /// </summary>
    public static Interval Log(Interval x)
    {
        if (x.IsEmpty) return x;
        var flag = x.MayBeUndefined || x.Lo <= 0;
        if (x.Hi < 0) return EmptyWith(true);
        var lo = x.Lo <= 0 ? double.NegativeInfinity : LibraryDown(Math.Log(x.Lo));
        return Make(lo, LibraryUp(Math.Log(x.Hi)), flag);
    }

    public static Interval Abs(Interval x)
    {
        if (x.IsEmpty || x.Lo >= 0) return x;
        if (x.Hi <= 0) return -x;
        return new Interval(0, Math.Max(-x.Lo, x.Hi), x.MayBeUndefined);
    }

    /// <summary>
    /// max as the evaluator computes it (Enumerable.Max): NaN arguments are skipped, so where an
    /// argument may be undefined the others alone may decide the result.
    /// </summary>
    public static Interval Max(params Interval[] xs)
    {
        if (xs is null || xs.Length == 0) throw new ArgumentException("max needs at least one argument.", nameof(xs));
        var flag = xs.Any(x => x.MayBeUndefined);
        var defined = xs.Where(x => !x.MayBeUndefined).ToList();
        if (defined.Any(x => x.IsEmpty)) return EmptyWith(flag);
        var hi = xs.Max(x => x.Hi);
        var lo = defined.Count > 0 ? defined.Max(x => x.Lo) : xs.Min(x => x.Lo);
        return Make(lo, hi, flag);
    }

    /// <summary>min as the evaluator computes it (Enumerable.Min): a NaN argument makes the result NaN.</summary>
    public static Interval Min(params Interval[] xs)
    {
        if (xs is null || xs.Length == 0) throw new ArgumentException("min needs at least one argument.", nameof(xs));
        var flag = xs.Any(x => x.MayBeUndefined);
        if (xs.Any(x => x.IsEmpty)) return EmptyWith(flag);
        return Make(xs.Min(x => x.Lo), xs.Min(x => x.Hi), flag);
    }
}
