using NUnit.Framework;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Numerics.Tests;

/// <summary>Systems that cannot be solved as posed fail with a reason, before any iteration, and never throw.</summary>
public class IllPosedSystemTests
{
    static readonly Symbol X = Sym("x", SymbolSign.Positive);
    static readonly Symbol Y = Sym("y", SymbolSign.Positive);
    static readonly Symbol Q = Sym("q");
    static readonly Dictionary<Symbol, double> None = [];

    static void AssertFailsWith(RawSystem system, string reason)
    {
        var solution = RawSolver.Solve(system);
        Assert.That(solution.Success, Is.False);
        Assert.That(solution.FailureReason, Does.Contain(reason));
    }

    [Test]
    public void ASymbolWithoutAValue() =>
        AssertFailsWith(new([new(X, Q, "c")], [RawUnknown.Positive(X)], None), "no value for 'q' in condition 'c'");

    [Test]
    public void AFunctionWithoutANumericMeaning() =>
        AssertFailsWith(new([new(Call("h", X), 1, "c")], [RawUnknown.Positive(X)], None), "no numeric meaning for the function 'h'");

    [Test]
    public void FewerConditionsThanUnknowns() =>
        AssertFailsWith(new([new(X + Y, 1, "c")], [RawUnknown.Positive(X), RawUnknown.Positive(Y)], None),
            "1 conditions cannot pin 2 unknowns");

    [Test]
    public void BoundsThatReferToEachOther() =>
        AssertFailsWith(new([new(X, 1, "c1"), new(Y, 1, "c2")], [RawUnknown.Between(X, 0, Y), RawUnknown.Between(Y, 0, X)], None),
            "refer to each other in a cycle");

    [Test]
    public void AnUnknownThatIsAlsoKnown() =>
        AssertFailsWith(new([new(X, 1, "c")], [RawUnknown.Positive(X)], new Dictionary<Symbol, double> { [X] = 1 }),
            "'x' is both unknown and known");

    [Test]
    public void NoUnknownsMeansTheConditionsAreChecked()
    {
        var known = new Dictionary<Symbol, double> { [X] = 2 };
        Assert.That(RawSolver.Solve(new([new(Pow(X, 2), 4, "c")], [], known)).Success, Is.True);
        AssertFailsWith(new([new(Pow(X, 2), 5, "c")], [], known), "do not hold");
    }
}
