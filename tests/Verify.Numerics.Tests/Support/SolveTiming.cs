using System.Diagnostics;
using NUnit.Framework;

namespace Verify.Numerics.Tests.Support;

/// <summary>Times solves and prints the median, mean and worst time per solve.</summary>
public sealed class SolveTiming(string what)
{
    readonly List<double> _milliseconds = [];

    public RawSolution Solve(PreparedSystem system, IReadOnlyDictionary<Verify.Symbolic.Core.Symbol, double> known, SolveOptions? options = null)
    {
        var clock = Stopwatch.StartNew();
        var solution = system.Solve(known, options);
        _milliseconds.Add(clock.Elapsed.TotalMilliseconds);
        return solution;
    }

    public void Print()
    {
        if (_milliseconds.Count == 0) return;
        var sorted = _milliseconds.Order().ToList();
        TestContext.Out.WriteLine(
            $"{what}: {sorted.Count} solves; per solve median {sorted[sorted.Count / 2]:F2} ms, mean {sorted.Average():F2} ms, " +
            $"worst {sorted[^1]:F2} ms (the first solve includes JIT warm-up)");
    }
}
