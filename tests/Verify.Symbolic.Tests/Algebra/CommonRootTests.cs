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

/// <summary>The factor theorem in Cancel: sums with a common root in one symbol (coefficients of any kind) cancel the factor.</summary>
public class CommonRootTests
{
    static readonly Symbol S = Sym("s", SymbolSign.Positive), R = Sym("r", SymbolSign.Positive), T = Sym("t", SymbolSign.Positive);
    static readonly Assumptions SAboveOne = new([Gt(S, 1), Gt(R, 0)]);

    [Test]
    public void AnExponentOfTheEconomyCancels()
    {
        // (rho - 2 sigma + sigma^2 - rho sigma + 1)/(rho (sigma - 1)) = (sigma - rho - 1)/rho.
        var e = (R - 2 * S + Pow(S, 2) - R * S + 1) / (R * (S - 1));
        Assert.That(Rationals.Cancel(e, SAboveOne), Is.EqualTo((S - R - 1) / R));
    }

    [Test]
    public void TheFootlooseCapitalShareCancels()
    {
        // (phi - phi^2 - sE + phi^2 sE)/(2 phi - phi^2 - 1): both vanish at phi = 1, which phi < 1 excludes.
        var phi = Sym("phi", SymbolSign.Positive);
        var sE = Sym("sE", SymbolSign.Positive);
        var oracle = new Assumptions([Gt(phi, 0), Lt(phi, 1), Lt(Num(1, 2), sE), Lt(sE, 1)]);
        var e = (phi - Pow(phi, 2) - sE + Pow(phi, 2) * sE) / (2 * phi - Pow(phi, 2) - 1);
        var cancelled = Rationals.Cancel(e, oracle);
        Assert.That(Rationals.NumeratorDenominator(cancelled).Denominator.ToString(), Does.Not.Contain("phi^2"));
        var at = new Dictionary<Symbol, double> { [phi] = 0.3, [sE] = 0.6 };
        Assert.That(Evaluator.Evaluate(cancelled, at), Is.EqualTo((0.6 * 1.3 - 0.3) / 0.7).Within(1e-14));
    }

    [Test]
    public void AFactorThatMayVanishStays()
    {
        var e = (R - 2 * S + Pow(S, 2) - R * S + 1) / (R * (S - 1));
        var free = new Assumptions([Gt(S, 0), Gt(R, 0)]);
        Assert.That(Rationals.Cancel(e, free), Is.EqualTo(e));
    }

    [Test]
    public void NoFactorNoChange()
    {
        var e = (R + Pow(S, 2) + 1) / (S - 1);
        Assert.That(Rationals.Cancel(e, SAboveOne), Is.EqualTo(e));
    }

    /// <summary>(s - 1 - k)(a + b s + c s^2 t)/(s - 1 - k) over random small coefficients: cancelled, the value stays, the factor goes.</summary>
    [Test]
    public void CancellingKeepsTheValue()
    {
        var coefficient = Gen.Choose(-3, 3).Where(c => c != 0);
        var gen = Gen.Zip(Gen.ArrayOf(coefficient, 3), Gen.Choose(0, 3));
        Properties.Check(gen, c =>
        {
            var (cs, k) = c;
            var factor = S - 1 - k;
            var oracle = new Assumptions([Gt(S, k + 1), Gt(R, 0), Gt(T, 0)]);
            var other = Num(cs[0]) * R + Num(cs[1]) * S + Num(cs[2]) * Pow(S, 2) * T;
            var product = Expansion.Expand(factor * other, oracle);
            var cancelled = Rationals.Cancel(product / factor, oracle);
            if (cancelled.Contains(S) && cancelled is Product p && p.Factors.Any(f => f.Equals(Canonical.Pow(factor, MinusOne, oracle)))) return false;
            var at = new Dictionary<Symbol, double> { [S] = k + 1.7, [R] = 0.6, [T] = 1.3 };
            var expected = Evaluator.Evaluate(other, at);
            return Math.Abs(Evaluator.Evaluate(cancelled, at) - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected));
        }, seed: 20261207, count: 200);
    }
}

/// <summary>A common factor comes out with the sign that leaves a sum proved positive, as a reader writes it.</summary>
public class OrientedFactorTests
{
    static readonly Symbol F = Sym("f", SymbolSign.Positive), S = Sym("sigma", SymbolSign.Positive), E = Sym("sE", SymbolSign.Positive);
    static readonly Assumptions Oracle = new([Gt(F, 0), Gt(S, 1), Lt(Num(1, 2), E), Lt(E, 1)]);

    [Test]
    public void AFixedCostTimesSigmaMinusOne() =>
        Assert.That(Factoring.FactorCommon(F * S - F, Oracle, positivePrimitive: true), Is.EqualTo(F * (S - 1)));

    [Test]
    public void OneMinusTheExpenditureShare() =>
        Assert.That(Factoring.FactorCommon(F * E - F, Oracle, positivePrimitive: true), Is.EqualTo(-F * (1 - E)));

    [Test]
    public void TheFactorCancelsInsideAPower()
    {
        // f^(1/k) (f sigma - f)^(-1/k) = (sigma - 1)^(-1/k) once f*(sigma - 1) is seen.
        var k = Sym("k", SymbolSign.Positive);
        var e = Pow(F, 1 / k) * Pow(F * S - F, -1 / k);
        Assert.That(Simplifier.Simplify(e, Oracle), Is.EqualTo(Pow(S - 1, -1 / k)));
    }
}
