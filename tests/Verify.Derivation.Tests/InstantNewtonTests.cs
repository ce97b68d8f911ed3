using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using NUnit.Framework;
using Verify.Derivation.Dynamics;

namespace Verify.Derivation.Tests;

/// <summary>
/// The simulator's Newton method for an instant (InstantNewton), on random well-posed systems with a known
/// root x* > 0: r(x) = A (ln x − ln x*) + (x − x*)²/10 with A near the identity. From a start within a few
/// percent of x* it reaches the tolerance and the root; solved again from another start with the same
/// instance (the chord method on the last Jacobian) it reaches the same root; and on a second system whose
/// Jacobian points the other way (A scaled by −3), where the kept one is wrong, it falls back on Newton's
/// own steps and still converges.
/// </summary>
public class InstantNewtonTests
{
    const ulong Seed = 20261207;

    sealed record Problem(double[] Root, double[,] A, double[] Start, double[] Restart)
    {
        /// <summary>The same system with A scaled by -3: a Jacobian kept from this one points the other way.</summary>
        public Problem Reversed()
        {
            var a = (double[,])A.Clone();
            for (int i = 0; i < a.GetLength(0); i++) for (int j = 0; j < a.GetLength(1); j++) a[i, j] *= -3;
            return this with { A = a };
        }
    }

    static Gen<Problem> Problems(int n) =>
        from root in Gen.ArrayOf(Gen.Choose(1, 1000).Select(k => k / 100.0), n)
        from a in Gen.ArrayOf(Gen.Choose(-200, 200).Select(k => k / 1000.0), n * n)
        from start in Gen.ArrayOf(Gen.Choose(-300, 300).Select(k => k / 10_000.0), n)
        from restart in Gen.ArrayOf(Gen.Choose(-300, 300).Select(k => k / 10_000.0), n)
        select new Problem(root, Matrix(a, n), root.Select((r, i) => r * Math.Exp(start[i])).ToArray(), root.Select((r, i) => r * Math.Exp(restart[i])).ToArray());

    static double[,] Matrix(double[] entries, int n)
    {
        var m = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i, j] = (i == j ? 1 : 0) + entries[i * n + j];
        return m;
    }

    static InstantNewton.Residuals System(Problem p) => (x, r) =>
    {
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            double sum = 0;
            for (int j = 0; j < n; j++) sum += p.A[i, j] * (Math.Log(x[j]) - Math.Log(p.Root[j]));
            r[i] = sum + Math.Pow(x[i] - p.Root[i], 2) / 10;
        }
        return true;
    };

    static bool AtRoot(double[] x, double[] root) => x.Zip(root).All(z => Math.Abs(Math.Log(z.First / z.Second)) <= 1e-10);

    [Test]
    public void Solves_to_the_root_from_nearby_with_a_fresh_or_a_stale_Jacobian()
    {
        TestContext.Out.WriteLine($"FsCheck seed {Seed}, 200 draws of pairs of 3-by-3 systems");
        var config = Config.QuickThrowOnFailure.WithMaxTest(200).WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        var positive = new[] { true, true, true };
        Prop.ForAll(Arb.From(Problems(3).SelectMany(first => Problems(3).Select(second => (first, second)))), pair =>
        {
            var (first, second) = pair;
            var newton = new InstantNewton(3);
            var x = (double[])first.Start.Clone();
            if (!newton.TrySolve(System(first), x, positive, 1e-13) || !AtRoot(x, first.Root)) return false;
            // Again, from another start: the chord method on the Jacobian just computed.
            var again = (double[])first.Restart.Clone();
            if (!newton.TrySolve(System(first), again, positive, 1e-13) || !AtRoot(again, first.Root)) return false;
            // Another system whose Jacobian points the other way, with the first one's still kept: the chord steps
            // would climb, so the method must leave them for Newton's own.
            var reversed = second.Reversed();
            var other = (double[])reversed.Start.Clone();
            return newton.TrySolve(System(reversed), other, positive, 1e-13) && AtRoot(other, reversed.Root);
        }).Check(config);
    }

    [Test]
    public void Reports_failure_where_there_is_no_root()
    {
        // r(x) = (ln x)^2 + 1 > 0 everywhere: no step can reach the tolerance.
        var newton = new InstantNewton(1);
        var x = new[] { 2.0 };
        Assert.That(newton.TrySolve((u, r) => { r[0] = Math.Pow(Math.Log(u[0]), 2) + 1; return true; }, x, [true], 1e-13), Is.False);
    }
}
