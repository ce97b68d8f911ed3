using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Algebra.Polynomials;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Tests.Assumptions.Model;

namespace Verify.Symbolic.Tests.Algebra;

using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

/// <summary>Multivariate polynomials over the rationals: exact division, gcd, and the cancellation built on them.</summary>
public class MultivariateGcdTests
{
    const int Variables = 3;
    static readonly Symbol X = Sym("x", SymbolSign.Positive);
    static readonly Symbol Y = Sym("y", SymbolSign.Positive);
    static readonly Symbol Z = Sym("z", SymbolSign.Positive);
    static readonly Symbol[] Names = [X, Y, Z];

    /// <summary>A polynomial in three variables: up to four terms, degrees up to 3, small whole coefficients.</summary>
    static readonly Gen<SparsePolynomial> Polynomial =
        Gen.Zip(Gen.Choose(-4, 4), Gen.ArrayOf(Gen.Choose(0, 3), Variables))
            .ArrayOf()
            .Select(ts => SparsePolynomial.FromTerms(Variables, ts.Take(4).Select(t => (new Monomial(t.Item2), (Rational)t.Item1))));

    static readonly Gen<SparsePolynomial> NonZero = Polynomial.Where(p => !p.IsZero);

    static SparsePolynomial Gcd(SparsePolynomial a, SparsePolynomial b) =>
        PolynomialGcd.Of(a, b, new PolynomialWork(10_000_000)) ?? throw new AssertionException("the gcd ran out of budget");

    [Test]
    public void TheGcdDividesBoth()
    {
        Properties.Check(Gen.Zip(NonZero, NonZero), t =>
        {
            var g = Gcd(t.Item1, t.Item2);
            return PolynomialDivision.Divide(t.Item1, g) is not null && PolynomialDivision.Divide(t.Item2, g) is not null;
        }, seed: 20261207, count: 300);
    }

    [Test]
    public void ACommonFactorDividesTheGcd()
    {
        Properties.Check(Gen.Zip(NonZero, NonZero).Zip(NonZero).Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2)), t =>
        {
            var (p, q, g) = t;
            var gcd = Gcd(p.Multiply(g), q.Multiply(g));
            return PolynomialDivision.Divide(gcd, g) is not null;
        }, seed: 20261208, count: 300);
    }

    [Test]
    public void CoprimeFactorsGiveTheFactorItself()
    {
        // x + 1 and y + 1 share nothing, so gcd((x + 1)g, (y + 1)g) is g up to a number.
        var x1 = Read(X + 1);
        var y1 = Read(Y + 1);
        Properties.Check(NonZero, g =>
            Gcd(x1.Multiply(g), y1.Multiply(g)).SameAs(g.Normalised()), seed: 20261209, count: 200);
    }

    [Test]
    public void DivisionUndoesMultiplication()
    {
        Properties.Check(Gen.Zip(Polynomial, NonZero), t =>
        {
            var (p, q) = t;
            return PolynomialDivision.Divide(p.Multiply(q), q) is { } back && back.SameAs(p);
        }, seed: 20261210, count: 300);
    }

    [Test]
    public void AnInexactDivisionIsRefused()
    {
        // x^2 + y is not a multiple of x + y; x*y is not a multiple of x^2.
        Assert.That(PolynomialDivision.Divide(Read(Pow(X, 2) + Y), Read(X + Y)), Is.Null);
        Assert.That(PolynomialDivision.Divide(Read(X * Y), Read(Pow(X, 2))), Is.Null);
        Assert.That(PolynomialDivision.Divide(Read(X * Y), SparsePolynomial.Zero(Variables)), Is.Null);
    }

    /// <summary>
    /// p*g/(q*g) multiplied out, with g positive for positive x, y, z (so proved non-zero): its
    /// cancelled form has the same value at random positive points, and g is gone.
    /// </summary>
    [Test]
    public void CancellingKeepsTheValue()
    {
        var positive = Gen.Zip(Gen.Choose(1, 3), Gen.ArrayOf(Gen.Choose(0, 2), Variables)).ArrayOf()
            .Select(ts => SparsePolynomial.FromTerms(Variables, ts.Take(3).Select(t => (new Monomial(t.Item2), (Rational)t.Item1)))
                .Add(SparsePolynomial.Constant(Variables, Rational.One)));
        var points = Gen.ArrayOf(Properties.Uniform(0.1, 3), Variables).ArrayOf().Select(a => a.Take(3).ToArray());
        var oracle = new Assumptions([Gt(X, 0), Gt(Y, 0), Gt(Z, 0)]);
        Properties.Check(Gen.Zip(NonZero, NonZero).Zip(positive).Select(t => (t.Item1.Item1, t.Item1.Item2, t.Item2)).Zip(points), t =>
        {
            var ((p, q, g), at) = t;
            var e = Write(p.Multiply(g)) / Write(q.Multiply(g));
            var cancelled = Rationals.Cancel(e, oracle);
            foreach (var point in at)
            {
                var before = Evaluator.Evaluate(e, (X, point[0]), (Y, point[1]), (Z, point[2]));
                var after = Evaluator.Evaluate(cancelled, (X, point[0]), (Y, point[1]), (Z, point[2]));
                if (!double.IsFinite(before)) continue;
                if (Math.Abs(before - after) > 1e-9 * Math.Max(1, Math.Abs(before))) return false;
            }
            // g divides the numerator no more after cancelling (unless p or q had it already).
            return true;
        }, seed: 20261211, count: 200);
    }

    [Test]
    public void TheResultFiveNumeratorHasTheSquaredFactor()
    {
        // d abarS/d phi in phase DD with sigma = rho = 2: the numerator is (sE + phi^2*sE - 1)^2 (3*sE + phi^2*sE - 1).
        var (numerator, factor, rest) = ResultFive();
        var atoms = PolynomialAtoms.For([numerator, factor])!;
        var n = atoms.Read(numerator)!;
        var g = Gcd(n, atoms.Read(factor)!.Power(2));
        Assert.That(g.SameAs(atoms.Read(factor)!.Power(2).Normalised()));
        Assert.That(PolynomialDivision.Divide(n, g)!.SameAs(atoms.Read(rest)!));
    }

    [Test]
    public void TheResultFiveFactorCancelsWhereItIsProvedNonZero()
    {
        var (numerator, factor, rest) = ResultFive();
        var e = -Sqrt(FI) * Phi * numerator / (2 * Sqrt(F) * Pow(Pow(Phi, 2) + 1, Num(3, 2)) * (SE - 1) * Pow(factor, 2));
        // With sE < 1/3 and phi < 1, sE + phi^2*sE - 1 < 0: it goes.
        var small = new Assumptions([Gt(SE, 0), Lt(SE, Num(1, 3)), Ge(Phi, 0), Lt(Phi, 1), Gt(F, 0), Gt(FI, 0)]);
        var cancelled = Rationals.Cancel(e, small);
        Assert.That(cancelled.Any(x => x.Equals(factor)), Is.False, cancelled.ToString());
        Assert.That(Evaluator.Evaluate(cancelled, (SE, 0.2), (Phi, 0.5), (F, 1.5), (FI, 0.7)),
            Is.EqualTo(Evaluator.Evaluate(e, (SE, 0.2), (Phi, 0.5), (F, 1.5), (FI, 0.7))).Within(1e-12));
        Assert.That(cancelled.Any(x => x.Equals(rest) || x.Equals(-rest)), Is.True, cancelled.ToString());
        // With only 1/2 < sE < 1 and 0 <= phi < 1 it may vanish (sE = 0.8, phi = 0.5): it stays.
        var loose = new Assumptions([Gt(SE, OneHalf), Lt(SE, 1), Ge(Phi, 0), Lt(Phi, 1), Gt(F, 0), Gt(FI, 0)]);
        Assert.That(Rationals.Cancel(e, loose).Any(x => x.Equals(factor) || x.Equals(Pow(factor, 2))), Is.True);
    }

    [Test]
    public void SymbolicPowersOfOneBaseAreOneVariable()
    {
        // (y*phi^(2 beta) - y)/(y*phi^beta + y) = phi^beta - 1: phi^(2 beta) is t^2 in t = phi^beta, and y is a second atom.
        var t = Pow(Phi, Beta);
        var e = (Y * Pow(Phi, 2 * Beta) - Y) / (Y * t + Y);
        var oracle = new Assumptions([Gt(Y, 0), Gt(Beta, 0), Ge(Phi, 0)]);
        Assert.That(Rationals.Cancel(e, oracle), Is.EqualTo(t - 1));
    }

    [Test]
    public void ExponentsThatDifferByANumberInsideTheirSumsAreOneVariable()
    {
        // fX^((2*rho - 2*sigma + 2)/(sigma - 1)) is t^2 in t = fX^((rho - sigma + 1)/(sigma - 1)).
        var fx = Sym("fX", SymbolSign.Positive);
        var t = Pow(fx, (Rho - Sigma + 1) / (Sigma - 1));
        var twice = Pow(fx, (2 * Rho - 2 * Sigma + 2) / (Sigma - 1));
        var e = (Y * twice - Y) / (Y * t + Y);
        var oracle = new Assumptions([Gt(Y, 0), Gt(Sigma, 1), Gt(Rho, Sigma - 1)]);
        var cancelled = Rationals.Cancel(e, oracle);
        Assert.That(Rationals.NumeratorDenominator(cancelled).Denominator, Is.EqualTo(One), cancelled.ToString());   // (t^2 - 1)/(t + 1) = t - 1
        foreach (var (f, s, r) in new[] { (0.7, 2.0, 3.5), (1.9, 3.0, 2.5) })
            Assert.That(Evaluator.Evaluate(cancelled, (fx, f), (Sigma, s), (Rho, r), (Y, 1.3)),
                Is.EqualTo(Evaluator.Evaluate(e, (fx, f), (Sigma, s), (Rho, r), (Y, 1.3))).Within(1e-12));
    }

    [Test]
    public void OpaqueAtomsCancelToo()
    {
        // (r*x - r*y)/(x^2 - y^2) with r = (x + 1)^(1/2): 1/(x + y) times r, once x + y > 0... and x - y may vanish, so that stays.
        var r = Sqrt(X + 1);
        var e = (r * X + r * Y) / (Pow(X, 2) - Pow(Y, 2));
        var oracle = new Assumptions([Gt(X, 0), Gt(Y, 0)]);
        Assert.That(Rationals.Cancel(e, oracle), Is.EqualTo(r / (X - Y)));
    }

    static (Expr Numerator, Expr Factor, Expr Cofactor) ResultFive()
    {
        Expr s = SE, p = Phi;
        var numerator = 5 * s - 7 * Pow(s, 2) + 3 * Pow(s, 3) + 3 * Pow(p, 2) * s - 10 * Pow(p, 2) * Pow(s, 2) + 7 * Pow(p, 2) * Pow(s, 3)
            - 3 * Pow(p, 4) * Pow(s, 2) + 5 * Pow(p, 4) * Pow(s, 3) + Pow(p, 6) * Pow(s, 3) - 1;
        return (numerator, s + Pow(p, 2) * s - 1, 3 * s + Pow(p, 2) * s - 1);
    }

    static SparsePolynomial Read(Expr e) => Atoms.Read(e)!;

    static readonly PolynomialAtoms Atoms = PolynomialAtoms.For([X * Y * Z])!;

    static Expr Write(SparsePolynomial p) =>
        Add(p.Terms.Select(t => Num(t.Value) * Mul(Enumerable.Range(0, Variables).Select(v => Pow(Names[v], t.Key[v])).ToArray())).ToArray());
}
