using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using static Verify.Proofs.Tests.Claims;

namespace Verify.Proofs.Tests;

/// <summary>
/// (x − a)² + c on [−1, 1], expanded so x occurs twice: positive exactly when c &gt; 0 (a inside
/// the box). The prover must prove every such claim with c &gt; 0 and refute every one with
/// c &lt; 0 at a point where the expression really is ≤ 0. Seeds are fixed and printed.
/// </summary>
public class QuadraticProperties
{
    const ulong Seed = 20261128;

    // a = i/100 in [-1, 1]; c = ±k/1000 with k in [1, 500].
    static readonly Gen<(int A, int C)> Draws =
        from a in Gen.Choose(-100, 100)
        from k in Gen.Choose(1, 500)
        from negative in Gen.Elements(false, true)
        select (a, negative ? -k : k);

    static Expr Quadratic((int A, int C) d) =>
        X * X - 2 * Expr.Num(d.A, 100) * X + Expr.Num(d.A * d.A, 10_000) + Expr.Num(d.C, 1000);

    [Test]
    public void VerdictMatchesTheSignOfTheConstant()
    {
        TestContext.Out.WriteLine($"FsCheck seed {Seed}, 100 draws");
        var config = Config.QuickThrowOnFailure.WithMaxTest(100).WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Prop.ForAll(Arb.From(Draws), d =>
        {
            var f = Quadratic(d);
            var r = SignProver.Prove(f, Box((X, -1, 1)), SignGoal.Positive, new ProofOptions { UseMonotonicity = false });
            if (d.C > 0) return r.Outcome == ProofOutcome.Proved;
            return r.Outcome == ProofOutcome.Counterexample
                && Evaluator.Evaluate(f, r.Counterexample!) <= 0
                && Math.Abs(r.Counterexample![X] - d.A / 100.0) <= Math.Sqrt(-d.C / 1000.0) + 1e-12;
        }).Check(config);
    }
}
