using NUnit.Framework;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Calculus;

public class SideConditionTests
{
    static readonly Symbol U = Sym("u"), K = Sym("k"), X = Sym("x");

    [Test]
    public void ReadsAsARelationWithZero()
    {
        var c = new SideCondition(U, SignSet.Positive, "rule");
        Assert.That(c.AsRelation(), Is.EqualTo(new Relation(U, RelationOperator.Greater, Zero)));
        Assert.That(new SideCondition(U, SignSet.NonZero, "rule").AsRelation().Operator, Is.EqualTo(RelationOperator.NotEqual));
        Assert.Throws<InvalidOperationException>(() => new SideCondition(U, SignSet.Any, "rule").AsRelation());
    }

    [Test]
    public void SubstitutionRewritesTheExpressionOnly()
    {
        var c = new SideCondition(U, SignSet.Positive, "rule").Substitute(U, K * X, StructuralSign.Instance);
        Assert.That(c, Is.EqualTo(new SideCondition(K * X, SignSet.Positive, "rule")));
    }

    [Test]
    public void PrintsWithItsRule() =>
        Assert.That(new SideCondition(U, SignSet.NonZero, "why").ToString(), Does.Contain("!= 0").And.Contain("(why)"));
}
