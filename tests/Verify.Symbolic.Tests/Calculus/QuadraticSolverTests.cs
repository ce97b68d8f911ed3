using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Tests.Assumptions.Model;

namespace Verify.Symbolic.Tests.Calculus;

using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

/// <summary>Quadratics: the root in the unknown's domain, the other dropped only when proved outside it.</summary>
public class QuadraticSolverTests
{
    static readonly Symbol X = Sym("x", SymbolSign.Positive), S = Sym("s", SymbolSign.Positive), P = Sym("p", SymbolSign.Positive);
    static Relation Eq(Expr l, Expr r) => new(l, RelationOperator.Equal, r);

    [Test]
    public void TheSustainPointOfTheFootlooseCapitalModel()
    {
        // s x^2 - x + 1 - s = 0 has the roots 1 and (1 - s)/s; only the second lies in 0 < x < 1 for 1/2 < s < 1.
        var oracle = new Assumptions([Gt(X, 0), Lt(X, 1), Lt(Num(1, 2), S), Lt(S, 1)]);
        var r = Solver.Solve(Eq(S * Pow(X, 2) - X + 1 - S, Zero), X, oracle);
        Assert.That(r.Success, r.Reason);
        Assert.That(r.Method, Is.EqualTo(SolveMethod.Quadratic));
        Assert.That(Evaluator.Evaluate(r.Solution!, (S, 0.7)), Is.EqualTo(0.3 / 0.7).Within(1e-14));
    }

    [Test]
    public void TwoRootsInTheDomainAreNotChosenBetween()
    {
        // x^2 - 3x + 2 = 0: roots 1 and 2, both positive; with no upper bound neither can be dropped.
        var oracle = new Assumptions([Gt(X, 0)]);
        var r = Solver.Solve(Eq(Pow(X, 2) - 3 * X + 2, Zero), X, oracle);
        Assert.That(r.Success, Is.False);
        Assert.That(r.Reason, Does.Contain("both roots"));
    }

    [Test]
    public void AnUnprovedDiscriminantIsNoSolution()
    {
        // x^2 - 2 p x + s = 0 has real roots only if p^2 >= s, which nothing says.
        var oracle = new Assumptions([Gt(X, 0), Gt(P, 0), Gt(S, 0)]);
        var r = Solver.Solve(Eq(Pow(X, 2) - 2 * P * X + S, Zero), X, oracle);
        Assert.That(r.Success, Is.False);
    }

    /// <summary>x^2 + b x + c with roots r1 < 0 < r2 drawn at random: the solver returns r2 for a positive x, and it solves the equation.</summary>
    [Test]
    public void ThePositiveRootSolvesTheEquation()
    {
        var gen = Gen.Zip(Gen.Choose(1, 9), Gen.Choose(1, 9)).Zip(Gen.Choose(1, 4)).Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2));
        Properties.Check(gen, t =>
        {
            var (negative, positive, scale) = t;
            // scale*(x + negative)*(x - positive/2) = 0 written out.
            var a = Num(scale);
            var b = Num(scale) * (Num(negative) - Num(positive, 2));
            var c = -Num(scale) * Num(negative) * Num(positive, 2);
            var oracle = new Assumptions([Gt(X, 0)]);
            var r = Solver.Solve(Eq(a * Pow(X, 2) + b * X + c, Zero), X, oracle);
            if (!r.Success) return false;
            return Math.Abs(Evaluator.Evaluate(r.Solution!) - positive / 2.0) < 1e-12;
        }, seed: 20261207, count: 100);
    }

    [Test]
    public void QuadraticInAPowerOfThePositiveUnknown()
    {
        // y = x^k: y^2 - (1 + s) y + s = 0 has y = 1 and y = s; with x < 1 and s < 1 only y = s, x = s^(1/k).
        var k = Sym("k", SymbolSign.Positive);
        var oracle = new Assumptions([Gt(X, 0), Lt(X, 1), Gt(S, 0), Lt(S, 1), Gt(k, 0)]);
        var y = Pow(X, k);
        var r = Solver.Solve(Eq(Pow(y, 2) - (1 + S) * y + S, Zero), X, oracle);
        Assert.That(r.Success, r.Reason);
        Assert.That(Evaluator.Evaluate(r.Solution!, (S, 0.25), (k, 2.0)), Is.EqualTo(0.5).Within(1e-14));
    }
}
