using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Text;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Tests.Text.TextSymbols;

namespace Verify.Symbolic.Tests.Text;

public class RelationParserTests
{
    [Test]
    public void ChainGivesOneRelationPerLink()
    {
        var relations = Parser.ParseRelations("1/2 < s_E < 1", Context);
        Assert.That(relations, Is.EqualTo(new[]
        {
            new Relation(OneHalf, RelationOperator.Less, SE),
            new Relation(SE, RelationOperator.Less, One),
        }));
    }

    [Test]
    public void CommaSeparatedListOfChains()
    {
        var relations = Parser.ParseRelations("0 <= phi < 1, sigma > 1, rho != sigma - 1", Context);
        Assert.That(relations, Is.EqualTo(new[]
        {
            new Relation(Zero, RelationOperator.LessOrEqual, Phi),
            new Relation(Phi, RelationOperator.Less, One),
            new Relation(Sigma, RelationOperator.Greater, One),
            new Relation(Rho, RelationOperator.NotEqual, Sigma - 1),
        }));
    }

    [TestCase("x < y", RelationOperator.Less)]
    [TestCase("x <= y", RelationOperator.LessOrEqual)]
    [TestCase("x ≤ y", RelationOperator.LessOrEqual)]
    [TestCase("x > y", RelationOperator.Greater)]
    [TestCase("x >= y", RelationOperator.GreaterOrEqual)]
    [TestCase("x ≥ y", RelationOperator.GreaterOrEqual)]
    [TestCase("x = y", RelationOperator.Equal)]
    [TestCase("x != y", RelationOperator.NotEqual)]
    [TestCase("x ≠ y", RelationOperator.NotEqual)]
    public void EveryOperator(string text, RelationOperator op) =>
        Assert.That(Parser.ParseRelation(text, Context), Is.EqualTo(new Relation(X, op, Y)));

    [Test]
    public void EquationKeepsBothSides() =>
        Assert.That(Parser.ParseRelation("x^2 = 2*y - 1", Context), Is.EqualTo(new Relation(Pow(X, 2), RelationOperator.Equal, 2 * Y - 1)));

    [Test]
    public void CommasInsideCallsDoNotSplitTheList() =>
        Assert.That(Parser.ParseRelations("max(x, y) > 0, F(x, y) < 1", Context), Has.Count.EqualTo(2));
}
