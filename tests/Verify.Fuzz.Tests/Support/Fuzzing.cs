using System.Diagnostics;
using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using NUnit.Framework;

namespace Verify.Fuzz.Tests.Support;

/// <summary>
/// Runs fuzz cases through FsCheck with a fixed seed, printed so a failure replays; each case runs
/// under a time budget (a case that takes longer fails as a hang). The number of cases is the CI
/// default times VERIFY_FUZZ_SCALE (default 1): VERIFY_FUZZ_SCALE=100 gives the long run.
/// </summary>
public static class Fuzzing
{
    /// <summary>Far above what any case needs (milliseconds), so that a shared, busy machine does not fail a test; a hang still fails.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    public static int Scale { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("VERIFY_FUZZ_SCALE"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 1;

    /// <summary>
    /// Runs <paramref name="check"/> on <paramref name="count"/> × <see cref="Scale"/> cases drawn from <paramref name="gen"/>;
    /// it returns the outcome of a case (say "loaded" or "rejected"), tallied in the output to show how deep the cases reach.
    /// </summary>
    public static void Run<T>(Gen<T> gen, Func<T, string> check, ulong seed, int count, Func<T, string>? show = null) where T : notnull
    {
        var total = count * Scale;
        var name = TestContext.CurrentContext.Test.Name;
        TestContext.Out.WriteLine($"FsCheck: {name}, seed {seed}, {total} cases, budget {Budget.TotalSeconds:F0} s each");
        var slowest = (Elapsed: TimeSpan.Zero, Case: "");
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        bool Property(T c)
        {
            var outcome = "";
            var elapsed = Timed(() => outcome = check(c), show is null ? c.ToString()! : $"{c}: {show(c)}");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (elapsed > slowest.Elapsed) slowest = (elapsed, c.ToString()!);
            return true;
        }
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(total)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Prop.ForAll(Arb.From(gen), (Func<T, bool>)Property).Check(config);
        TestContext.Out.WriteLine($"{total} cases in {clock.Elapsed.TotalSeconds:F1} s ({string.Join(", ", outcomes.Select(o => $"{o.Value} {o.Key}"))}); longest {slowest.Elapsed.TotalMilliseconds:F0} ms: {slowest.Case}");
    }

    /// <summary>Runs one case on its own task so that a hang is reported (with the case) instead of stalling the run.</summary>
    static TimeSpan Timed(Action action, string c)
    {
        var clock = Stopwatch.StartNew();
        var task = Task.Run(action);
        bool finished;
        try { finished = task.Wait(Budget); }
        catch (AggregateException) { finished = true; }
        if (!finished) Assert.Fail($"case ran longer than {Budget.TotalSeconds:F0} s (a hang): {c}");
        task.GetAwaiter().GetResult();   // rethrows what the case threw, as it was
        return clock.Elapsed;
    }
}
