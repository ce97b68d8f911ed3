using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Tests.Assumptions.Model;

namespace Verify.Symbolic.Tests.Algebra;

using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

/// <summary>Common polynomial factors in one atom cancel (univariate gcd); a sum's linear factor and its smallest powers come out.</summary>
public class PolynomialCancellationTests
{
    static readonly Symbol X = Sym("x", SymbolSign.Positive);
    static readonly Assumptions AboveOne = new([Gt(X, 1)]);
    static readonly Assumptions Economy = new(Primitives);

    [Test]
    public void TheEntryCutOffFactorCancels()
    {
        // (phi^beta - 1)/(phi^(2 beta) - 1) = 1/(phi^beta + 1): phi^beta - 1 < 0 is proved, so it may go.
        var t = Pow(Phi, Beta);
        var e = (t - 1) / (Pow(Phi, 2 * Beta) - 1);
        Assert.That(Rationals.Cancel(e, Economy), Is.EqualTo(1 / (t + 1)));
    }

    [Test]
    public void ACommonFactorThatMayVanishStays()
    {
        // x - 1 may be 0 for a positive x: (x^2 - 1)/(x^3 - 1) is undefined at 1, its cancelled form is not.
        var e = (Pow(X, 2) - 1) / (Pow(X, 3) - 1);
        var free = new Assumptions([Gt(X, 0)]);
        Assert.That(Rationals.Cancel(e, free), Is.EqualTo(e));
        Assert.That(Rationals.Cancel(e, AboveOne), Is.EqualTo((X + 1) / (Pow(X, 2) + X + 1)));
    }

    [Test]
    public void HalfPowersAreOneAtom()
    {
        // x - 1 = (x^(1/2) - 1)(x^(1/2) + 1) in t = x^(1/2).
        var e = (Pow(X, Num(1, 2)) - 1) / (X - 1);
        Assert.That(Rationals.Cancel(e, AboveOne), Is.EqualTo(1 / (Pow(X, Num(1, 2)) + 1)));
    }

    /// <summary>(a*g)/(b*g) for random small integer polynomials a, b, g in x: cancelled, the value is unchanged above the roots.</summary>
    [Test]
    public void CancellingKeepsTheValue()
    {
        var coefficient = Gen.Choose(-3, 3);
        var polynomial = Gen.ArrayOf(coefficient, 3).Select(cs => Add(cs.Select((c, i) => Num(c) * Pow(X, i)).ToArray()));
        var gen = Gen.Zip(polynomial, polynomial).Zip(Gen.Choose(2, 5)).Select(t => (A: t.Item1.Item1, B: t.Item1.Item2, Root: t.Item2));
        Properties.Check(gen, c =>
        {
            // g = x - root, with x > root + 1 so that g is proved non-zero.
            var g = X - c.Root;
            var oracle = new Assumptions([Gt(X, c.Root + 1)]);
            var e = Expansion.Expand(c.A * g, oracle) / Expansion.Expand(c.B * g, oracle);
            var cancelled = Rationals.Cancel(e, oracle);
            foreach (var x in new[] { c.Root + 1.5, c.Root + 2.75, c.Root + 7.0 })
            {
                var before = Evaluator.Evaluate(e, (X, x));
                var after = Evaluator.Evaluate(cancelled, (X, x));
                if (!double.IsFinite(before)) continue;
                if (Math.Abs(before - after) > 1e-9 * Math.Max(1, Math.Abs(before))) return false;
            }
            return true;
        }, seed: 20261128, count: 300);
    }

    [Test]
    public void ProportionalSumsLeaveTheirRatio()
    {
        // 3*y*(x^2 + 2x + 1)/(2*(x + 1)^2): the sums expand to the same terms, so the ratio is 3y/2;
        // sums that are not proportional stay.
        var y = Sym("y", SymbolSign.Positive);
        var e = 3 * y * (Pow(X, 2) + 2 * X + 1) / (2 * Pow(X + 1, 2));
        Assert.That(Rationals.CancelProportionalSums(e, AboveOne), Is.EqualTo(Num(3, 2) * y));
        var other = y * (Pow(X, 2) + 2 * X + 2) / Pow(X + 1, 2);
        Assert.That(Rationals.CancelProportionalSums(other, AboveOne), Is.EqualTo(other));
    }

    [Test]
    public void ALinearFactorComesOut()
    {
        // sigma - 1 + phi^beta*(sigma - 1): collected by sigma, the constant is -1 times the slope.
        var t = Pow(Phi, Rho / (Sigma - 1));
        var e = Expansion.Expand(Sigma - 1 + t * (Sigma - 1), Economy);
        Assert.That(Factoring.FactorLinear(e, Economy), Is.EqualTo((t + 1) * (Sigma - 1)));
        Assert.That(Simplifier.Simplify(Ln(e) - Ln(Sigma - 1), Economy), Is.EqualTo(Ln(t + 1)));
    }

    [Test]
    public void ANegativeSmallestPowerOfAPositiveBaseComesOut()
    {
        // x^(-1/r - 1) - x^(-1/r - 2) = x^(-1/r - 2)*(x - 1) for x > 0, whatever the sign of the exponent.
        var r = Sym("r", SymbolSign.Positive);
        var e = Pow(X, -1 / (Expr)r - 1) - Pow(X, -1 / (Expr)r - 2);
        var factored = Factoring.FactorCommon(e, new Assumptions([Gt(X, 0), Gt(r, 0)]));
        Assert.That(factored, Is.TypeOf<Product>());
        Assert.That(((Product)factored).Factors, Does.Contain(X - 1).Or.Contain(1 - X));
        foreach (var (x, rv) in new[] { (0.3, 0.7), (2.5, 3.0), (1.1, 0.2) })
            Assert.That(Evaluator.Evaluate(factored, (X, x), (r, rv)), Is.EqualTo(Evaluator.Evaluate(e, (X, x), (r, rv))).Within(1e-12));
        // With the base's sign unknown nothing comes out: x^a*x^b = x^(a+b) needs x > 0 for such exponents.
        var y = Sym("y");
        var unknown = Pow(y, -1 / (Expr)r - 1) - Pow(y, -1 / (Expr)r - 2);
        var kept = Factoring.FactorCommon(unknown, new Assumptions([Gt(r, 0)]));
        Assert.That(kept is not Product p || p.Factors.All(f => f is Number or Sum), Is.True, $"no power of y comes out: {kept}");
    }

    [Test]
    public void ALinearFactorNeedsANonZeroSlope()
    {
        // x*y - y = y*(x - 1) is true, but with y possibly 0 the factored form would hide nothing: the rule asks for y != 0.
        var y = Sym("y");
        var e = X * y - y;
        Assert.That(Factoring.FactorLinear(e, new Assumptions([Gt(X, 0)])), Is.EqualTo(e));
        Assert.That(Factoring.FactorLinear(e, new Assumptions([Gt(X, 0), Gt(y, 0)])), Is.Not.EqualTo(e));
    }
}
