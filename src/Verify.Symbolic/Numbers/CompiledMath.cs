namespace Verify.Symbolic.Numbers;

/// <summary>
/// The small operations compiled delegates call, each with exactly the tree evaluator's
/// semantics (including NaN handling), so compiled and walked results agree bit for bit.
/// </summary>
internal static class CompiledMath
{
    public static double Ln(double x) => x < 0 ? double.NaN : Math.Log(x);

    /// <summary>One step of Enumerable.Max: NaN is skipped unless everything so far is NaN.</summary>
    public static double MaxStep(double acc, double x) => double.IsNaN(acc) || x > acc ? x : acc;

    /// <summary>One step of Enumerable.Min: the first NaN wins.</summary>
    public static double MinStep(double acc, double x) => double.IsNaN(acc) ? acc : x < acc || double.IsNaN(x) ? x : acc;

    public static void CheckArguments(double[] args, int expected)
    {
        if (args is null) throw new ArgumentNullException(nameof(args), "a compiled expression needs its parameter values");
        if (args.Length != expected)
            throw new ArgumentException($"the compiled expression takes {expected} parameter values, got {args.Length}", nameof(args));
    }

    public static void CheckResults(double[] results, int expected)
    {
        if (results is null) throw new ArgumentNullException(nameof(results), "a compiled expression needs an array for its results");
        if (results.Length < expected)
            throw new ArgumentException($"the compiled expressions give {expected} results, the array holds {results.Length}", nameof(results));
    }
}
