using NUnit.Framework;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Tests.Assumptions.Model;

namespace Verify.Symbolic.Tests.Algebra;

public class CollectionTests
{
    static readonly Symbol X = Sym("x");
    static readonly Symbol Y = Sym("y");

    [Test]
    public void GroupsBySymbolPowers()
    {
        var e = 3 * Pow(X, 2) * Y + X * Y + 2 * X + 5 + Y * Pow(X, 2);
        var c = Collection.Collect(e, X);
        Assert.That(c.Keys, Is.EqualTo(new Expr[] { 0, 1, 2 }));
        Assert.That(c[Zero], Is.EqualTo(Num(5)));
        Assert.That(c[One], Is.EqualTo(Y + 2));
        Assert.That(c[Num(2)], Is.EqualTo(4 * Y));
        Assert.That(Expansion.Expand(Collection.Recombine(c, X), StructuralSign.Instance), Is.EqualTo(e));
    }

    [Test]
    public void MultipliesOutFirst() =>
        Assert.That(Collection.Collect((X + 1) * (X + Y), X)[One], Is.EqualTo(Y + 1));

    [Test]
    public void GroupsByPowersOfAPower()
    {
        var t = Pow(Phi, Beta);
        var e = SE * Pow(Phi, 2 * Beta) + (1 - SE) * t + Pow(Phi, 2 * Beta) + 1;
        var c = Collection.Collect(e, t);
        Assert.That(c[Num(2)], Is.EqualTo(SE + 1));
        Assert.That(c[One], Is.EqualTo(1 - SE));
        Assert.That(c[Zero], Is.EqualTo(One));
        Assert.That(Collection.Grouped(e, t), Is.EqualTo((SE + 1) * Pow(Phi, 2 * Beta) + (1 - SE) * t + 1));
    }

    [Test]
    public void SymbolicExponentsAreKeysToo()
    {
        var c = Collection.Collect(Pow(X, Rho) * Y + Pow(X, Rho), X);
        Assert.That(c[Rho], Is.EqualTo(Y + 1));
    }

    [Test]
    public void CollectingByANumberOrAProductIsAClearError()
    {
        Assert.Throws<ArgumentException>(() => Collection.Collect(X, Num(2)));
        Assert.Throws<ArgumentException>(() => Collection.Collect(X, X * Y));
    }
}
