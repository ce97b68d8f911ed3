using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using NUnit.Framework;

namespace Verify.Derivation.Tests;

/// <summary>
/// Runs an FsCheck property with a fixed seed, printed in the test output so a failure replays
/// exactly (the pattern of tests/Verify.Symbolic.Tests/Support/Properties.cs, copied: this
/// project does not reference that one).
/// </summary>
static class CrossCheckRunner
{
    public static void Check<T>(Gen<T> gen, Func<T, bool> property, ulong seed, int count, string name)
    {
        TestContext.Out.WriteLine($"FsCheck: {name}, seed {seed}, {count} draws");
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(count)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Prop.ForAll(Arb.From(gen), property).Check(config);
    }

    /// <summary>A double drawn uniformly from the open interval (lo, hi), on a grid of 10^6 steps.</summary>
    public static Gen<double> Open(double lo, double hi) =>
        Gen.Choose(1, 999_999).Select(k => lo + (hi - lo) * k / 1_000_000.0);
}
