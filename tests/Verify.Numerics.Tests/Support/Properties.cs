using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using NUnit.Framework;

namespace Verify.Numerics.Tests.Support;

/// <summary>
/// Runs an FsCheck property with a fixed seed, printed in the test output, so that a failure
/// replays exactly from the printed seed.
/// </summary>
public static class Properties
{
    public static void Check<T>(Gen<T> gen, Func<T, bool> property, ulong seed, int count, string? name = null)
    {
        TestContext.Out.WriteLine($"FsCheck: {name ?? TestContext.CurrentContext.Test.Name}, seed {seed}, {count} draws");
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(count)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Prop.ForAll(Arb.From(gen), property).Check(config);
    }

    /// <summary>A double drawn uniformly from [lo, hi] on a grid of 10^6 steps.</summary>
    public static Gen<double> Uniform(double lo, double hi) =>
        Gen.Choose(0, 1_000_000).Select(k => lo + (hi - lo) * k / 1_000_000.0);

    /// <summary>|actual − expected| ≤ tolerance·|expected|.</summary>
    public static bool CloseRelative(double actual, double expected, double tolerance) =>
        Math.Abs(actual - expected) <= tolerance * Math.Abs(expected);
}
