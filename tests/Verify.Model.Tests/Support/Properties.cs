using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using NUnit.Framework;

namespace Verify.Model.Tests.Support;

/// <summary>Runs an FsCheck property with a fixed seed, printed so that a failure replays exactly.</summary>
public static class Properties
{
    public static void Check<T>(Gen<T> gen, Func<T, bool> property, ulong seed, int count = 100)
    {
        TestContext.Out.WriteLine($"FsCheck: {TestContext.CurrentContext.Test.Name}, seed {seed}, {count} draws");
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(count)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Prop.ForAll(Arb.From(gen), property).Check(config);
    }
}
