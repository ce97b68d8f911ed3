using NUnit.Framework;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Core;

public class CanonicalFormTests
{
    static readonly Symbol X = Sym("x", SymbolSign.Positive);
    static readonly Symbol Y = Sym("y", SymbolSign.Positive);
    static readonly Symbol R = Sym("r");            // a real of unknown sign
    static readonly Symbol A = Sym("a");
    static readonly Symbol B = Sym("b");

    [Test] public void LikeTermsCollect() => Assert.That(X + 2 * X, Is.EqualTo(3 * X));
    [Test] public void SumsAreOrderFree() => Assert.That(X + Y + 1, Is.EqualTo(1 + Y + X));
    [Test] public void ProductsAreOrderFree() => Assert.That(X * Y * 2, Is.EqualTo(2 * Y * X));
    [Test] public void ZeroAndOneDrop()
    {
        Assert.That(X + 0, Is.EqualTo(X));
        Assert.That(X * 1, Is.EqualTo(X));
        Assert.That(X - X, Is.EqualTo(Zero));
        Assert.That(0 * R, Is.EqualTo(Zero));
    }
    [Test] public void NumbersFoldExactly() => Assert.That(Num(1, 3) + Num(1, 6), Is.EqualTo(OneHalf));
    [Test] public void SymbolicExponentsMergeForPositiveBase() =>
        Assert.That(Pow(X, A) * Pow(X, B), Is.EqualTo(Pow(X, A + B)));
    [Test] public void SymbolicExponentsDoNotMergeForUnknownBase() =>
        Assert.That(Pow(R, A) * Pow(R, B), Is.InstanceOf<Product>());
    [Test] public void XOverXIsOneOnlyWhenNonZeroIsProved()
    {
        Assert.That(X / X, Is.EqualTo(One));
        Assert.That(R / R, Is.Not.EqualTo(One));
    }
    [Test] public void SquareRootOfSquareNeedsNonNegativeBase()
    {
        Assert.That(Sqrt(Pow(X, 2)), Is.EqualTo((Expr)X));
        Assert.That(Sqrt(Pow(R, 2)), Is.Not.EqualTo((Expr)R));
    }
    [Test] public void ExactRootsOfNumbers()
    {
        Assert.That(Pow(Num(8), Num(2, 3)), Is.EqualTo(Num(4)));
        Assert.That(Pow(Num(2), Num(1, 2)), Is.InstanceOf<Power>());
        Assert.That(Pow(Num(2), OneHalf) * Pow(Num(2), OneHalf), Is.EqualTo(Num(2)));
    }
    [Test] public void PowerOfProductSplitsPositiveFactors() =>
        Assert.That(Pow(X * Y, A), Is.EqualTo(Pow(X, A) * Pow(Y, A)));
    [Test] public void PositivePowerOfNonNegativeExtremumGoesInside()
    {
        // (x^(1/k))^a inside min: one power of x, so x^(a/k) is computed from x, not from an underflowed x^(1/k).
        var k = Sym("k", SymbolSign.Positive);
        var p = Sym("p", SymbolSign.Positive);
        Assert.That(Pow(Call("min", Pow(X, 1 / (Expr)k), Y), p), Is.EqualTo(Call("min", Pow(X, p / k), Pow(Y, p))));
        Assert.That(Pow(Call("max", X, Num(2)), Num(3)), Is.EqualTo(Call("max", Pow(X, 3), Num(8))));
    }
    [Test] public void PowerOfExtremumStaysOutsideUnlessMonotone()
    {
        // A negative exponent turns min into max; an argument of unknown sign makes t^a undefined or decreasing.
        Assert.That(Pow(Call("min", X, Y), MinusOne), Is.InstanceOf<Power>());
        Assert.That(Pow(Call("min", X, Y), A), Is.InstanceOf<Power>());
        Assert.That(Pow(Call("max", X, R), Num(2)), Is.InstanceOf<Power>());
    }
    [Test] public void LogOfPositivePowerPullsExponent() =>
        Assert.That(Ln(Pow(X, A)), Is.EqualTo(A * Ln(X)));
}
