using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using NUnit.Framework;

namespace Verify.Symbolic.Tests.Support;

/// <summary>
/// Runs an FsCheck property with a fixed seed, printed in the test output so a failure replays
/// exactly: change nothing but the seed to explore, pass the printed seed back to reproduce.
/// </summary>
public static class Properties
{
    public static void Check<T>(Arbitrary<T> arbitrary, Func<T, bool> property, ulong seed, int count = 200, string? name = null)
    {
        TestContext.Out.WriteLine($"FsCheck: {name ?? TestContext.CurrentContext.Test.Name}, seed {seed}, {count} draws");
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(count)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Prop.ForAll(arbitrary, property).Check(config);
    }

    public static void Check<T>(Gen<T> gen, Func<T, bool> property, ulong seed, int count = 200, string? name = null) =>
        Check(Arb.From(gen), property, seed, count, name);

    /// <summary>A double drawn uniformly from [lo, hi] on a grid of 10^6 steps (FsCheck draws integers; this maps them).</summary>
    public static Gen<double> Uniform(double lo, double hi) =>
        Gen.Choose(0, 1_000_000).Select(k => lo + (hi - lo) * k / 1_000_000.0);
}
