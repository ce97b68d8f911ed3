using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Calculus;

using ModelAssumptions = Verify.Symbolic.Assumptions.Assumptions;

/// <summary>Closed-form solving: the methods, their conditions, the refusals, and round trips.</summary>
public class SolverTests
{
    static readonly Symbol X = ExprGenerators.X;          // positive
    static readonly Symbol XReal = Sym("x");
    static readonly Symbol A = Sym("a", SymbolSign.Positive), B = Sym("b"), C = Sym("c");
    static readonly Symbol K = Sym("k"), Q = Sym("q", SymbolSign.Positive), M = Sym("m", SymbolSign.Positive);
    static readonly Symbol Phi = Sym("phi", SymbolSign.Positive), Sigma = Sym("sigma", SymbolSign.Positive), Alpha = Sym("alpha", SymbolSign.Positive);
    static readonly ISignOracle Structural = StructuralSign.Instance;

    static Relation Eq(Expr left, Expr right) => new(left, RelationOperator.Equal, right);

    [Test]
    public void LinearWithAProvedCoefficient()
    {
        var r = Solver.Solve(Eq(A * XReal + B, C), XReal, Structural);
        Assert.That(r.Success, r.Reason);
        Assert.That(r.Method, Is.EqualTo(SolveMethod.Linear));
        Assert.That(r.Solution, Is.EqualTo((C - B) / A));
        Assert.That(r.Conditions.Single(), Is.EqualTo(new SideCondition(Solver.RuleLinearCoefficient, A, SignSet.NonZero)));
        Assert.That(r.Assumptions, Is.Empty);
    }

    [Test]
    public void LinearAfterDistributingAndCollecting()
    {
        var r = Solver.Solve(Eq(A * (XReal + 1), 3 - XReal), XReal, Structural);
        Assert.That(r.Solution, Is.EqualTo((3 - A) / (A + 1)));
    }

    [Test]
    public void LinearWithAnUnprovedCoefficientIsRefused()
    {
        var r = Solver.Solve(Eq(K * XReal + 1, Zero), XReal, Structural);
        Assert.That(r.Success, Is.False);
        Assert.That(r.Reason, Does.Contain("coefficient k").And.Contain("non-zero"));
    }

    [Test]
    public void APowerOfAPositiveUnknown()
    {
        var oracle = new AssumingOracle().Assume(1 - Sigma, SignSet.Negative);
        var r = Solver.Solve(Eq(Phi * Pow(X, 1 - Sigma), Num(2)), X, oracle);
        Assert.That(r.Success, r.Reason);
        Assert.That(r.Method, Is.EqualTo(SolveMethod.Power));
        Assert.That(r.Solution, Is.EqualTo(Pow(2 / Phi, 1 / (1 - Sigma))));
        Assert.That(r.Conditions.Select(c => c.Expression), Is.EquivalentTo(new Expr[] { 1 - Sigma, 2 / Phi, X }));
        Assert.That(r.Assumptions, Is.Empty, "x is declared positive");
    }

    [Test]
    public void TheModelsAssumptionsProveTheExponentNonZero()
    {
        var assumptions = new ModelAssumptions([new Relation(Sigma, RelationOperator.Greater, One)]);
        var r = Solver.Solve(Eq(Phi * Pow(X, 1 - Sigma), Num(2)), X, assumptions);
        Assert.That(r.Success, r.Reason);
        Assert.That(r.Solution, Is.EqualTo(Pow(2 / Phi, 1 / (1 - Sigma))));
        Assert.That(Solver.Solve(Eq(Phi * Pow(X, 1 - Sigma), Num(2)), X, Structural).Reason, Does.Contain("exponent non-zero"));
    }

    [Test]
    public void APowerOfARealUnknownRecordsThePositiveRootAsAnAssumption()
    {
        var r = Solver.Solve(Eq(Pow(XReal, 2), Num(4)), XReal, Structural);
        Assert.That(r.Solution, Is.EqualTo(Num(2)));
        Assert.That(r.Assumptions.Single().Expression, Is.EqualTo((Expr)XReal));
        Assert.That(r.Assumptions.Single().Sign, Is.EqualTo(SignSet.Positive));
    }

    [Test]
    public void APowerNeedsAPositiveRatio()
    {
        var r = Solver.Solve(Eq(Pow(X, 2), B), X, Structural);
        Assert.That(r.Success, Is.False);
        Assert.That(r.Reason, Does.Contain("only if b > 0"));
    }

    [Test]
    public void APowerOfAProductIsSolvedForTheInnerExpressionFirst()
    {
        // k is only known non-zero, so (k*x)^q stays one power and x is reached through k*x.
        var oracle = new AssumingOracle().Assume(K, SignSet.NonZero);
        var r = Solver.Solve(Eq(Pow(K * XReal, Q), M), XReal, oracle);
        Assert.That(r.Success, r.Reason);
        Assert.That(r.Method, Is.EqualTo(SolveMethod.Inner));
        Assert.That(r.Solution, Is.EqualTo(Pow(M, 1 / Q) / K));
        Assert.That(r.Assumptions.Single().Expression, Is.EqualTo(K * XReal), "the positive root of the inner expression");
        Assert.That(r.Steps, Does.Contain("power in k*x").And.Contain("linear"));
    }

    [Test]
    public void APowerOfASumIsSolvedForTheSum()
    {
        var r = Solver.Solve(Eq(Pow(XReal + 1, 2), Num(4)), XReal, Structural);
        Assert.That(r.Solution, Is.EqualTo(One));
        Assert.That(r.Assumptions.Single().Expression, Is.EqualTo(XReal + 1));
    }

    [Test]
    public void DifferentExponentsHaveNoClosedForm()
    {
        var r = Solver.Solve(Eq(Phi * Pow(X, 1 - Sigma), 1 + Phi * Pow(X, Alpha)), X, Structural);
        Assert.That(r.Success, Is.False);
        Assert.That(r.Reason, Does.StartWith("no closed form: x appears with exponents")
            .And.Contain(Alpha.ToString()).And.Contain((1 - Sigma).ToString()));
    }

    [Test]
    public void FormsNoMethodHandlesAreRefusedClearly()
    {
        Assert.That(Solver.Solve(Eq(Pow(Num(2), XReal), Num(8)), XReal, Structural).Reason, Does.Contain("in a form no method handles"));
        Assert.That(Solver.Solve(Eq(XReal / (XReal + 1), Num(2)), XReal, Structural).Reason, Does.Contain("in a form no method handles"));
        Assert.That(Solver.Solve(Eq(A, B), XReal, Structural).Reason, Does.Contain("does not involve x"));
        Assert.That(Solver.Solve(new Relation(XReal, RelationOperator.Greater, One), XReal, Structural).Reason, Does.Contain("inequality"));
        Assert.Throws<ArgumentNullException>(() => Solver.Solve(null!, XReal, Structural));
    }

    // ---- round trips: substitute the solution back, the residual must vanish ----

    /// <summary>Random expressions free of x: the generators' expressions with x replaced.</summary>
    static FsCheck.Gen<Expr> FreeOfX(FsCheck.Gen<Expr> g) => g.Select(e => e.Substitute(X, ExprGenerators.Y + ExprGenerators.Z));

    static bool ResidualVanishes(Relation equation, Symbol x, SolveResult r, Dictionary<Symbol, double> at)
    {
        if (!r.Success) { TestContext.Out.WriteLine($"{equation}: {r.Reason}"); return false; }
        var left = Evaluator.Evaluate(equation.Left.Substitute(x, r.Solution!), at);
        var right = Evaluator.Evaluate(equation.Right.Substitute(x, r.Solution!), at);
        var ok = ExprGenerators.Close(left, right, 1e-9);
        if (!ok) TestContext.Out.WriteLine($"{equation}, {x.Name} = {r.Solution}: {left} vs {right}");
        return ok;
    }

    [Test]
    public void LinearRoundTrips()
    {
        // a(x + b) = c with a positive (so a ≠ 0 is provable), b and c of any sign.
        Properties.Check(
            from a in FreeOfX(ExprGenerators.Positive(2))
            from b in FreeOfX(ExprGenerators.Real(2))
            from c in FreeOfX(ExprGenerators.Real(2))
            from at in ExprGenerators.Point
            select (Eq(a * (XReal + b), c), at),
            t => ResidualVanishes(t.Item1, XReal, Solver.Solve(t.Item1, XReal, Structural), t.at),
            seed: 20260541, count: 100);
    }

    [Test]
    public void PowerRoundTrips()
    {
        var exponents = Gen.Zip(Gen.Choose(-6, 6), Gen.Choose(1, 3)).Where(t => t.Item1 != 0).Select(t => Num(t.Item1, t.Item2));
        Properties.Check(
            from c in FreeOfX(ExprGenerators.Positive(2))
            from d in FreeOfX(ExprGenerators.Positive(2))
            from p in Gen.OneOf(exponents, Gen.Constant<Expr>(ExprGenerators.Y))
            from at in ExprGenerators.Point
            select (Eq(c * Pow(X, p), d), at),
            t => ResidualVanishes(t.Item1, X, Solver.Solve(t.Item1, X, Structural), t.at),
            seed: 20260542, count: 100);
    }

    [Test]
    public void InnerRoundTrips()
    {
        var exponents = Gen.Zip(Gen.Choose(1, 6), Gen.Choose(1, 3)).Select(t => Num(t.Item1, t.Item2));
        Properties.Check(
            from k in FreeOfX(ExprGenerators.Positive(1))
            from b in FreeOfX(ExprGenerators.Real(1))
            from q in exponents
            from m in FreeOfX(ExprGenerators.Positive(2))
            from at in ExprGenerators.Point
            let equation = Eq(Pow(k * XReal + b, q), m)
            where equation.Left is Power     // (k x + b)^q with q = 1 is merely linear
            select (equation, at),
            t => ResidualVanishes(t.Item1, XReal, Solver.Solve(t.Item1, XReal, Structural), t.at),
            seed: 20260543, count: 100);
    }
}
