using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Model.Claims;
using Verify.Model.Tests.Support;

namespace Verify.Model.Tests.Claims;

/// <summary>The finer points of the grammar: continuation, comments, commas inside parentheses, each assert form, and spans.</summary>
public class ClaimsSyntaxTests
{
    static ClaimDefinition One(string body) =>
        ClaimsLoader.LoadText("claims for tiny\nclaim C\n" + body + "\nend\n", "t.claims").Claims.Single();

    [Test]
    public void AStatementGoesOnWhileAParenthesisIsOpenOrTheNextLineStartsWithAnOperator()
    {
        var c = One("""
              regime autarky
              where min(fE,
                        f) > 0, n > 0
              assert diff(aD, fE)
                     + 1 > 0   # a comment inside the statement
            """);
        Assert.That(c.Where.Select(w => w.Text), Is.EqualTo(new[] { "min(fE,\n            f) > 0", "n > 0" }));
        Assert.That(c.Where.Select(w => (w.Span.Line, w.Span.Column)), Is.EqualTo(new[] { (4, 9), (5, 21) }));
        var a = (UniversalAssertion)c.Assertions.Single();
        Assert.That(a.Relation.Text, Is.EqualTo("diff(aD, fE)\n         + 1 > 0"));
        Assert.That((a.Relation.Span.Line, a.Relation.Span.Column), Is.EqualTo((6, 10)));
    }

    [Test]
    public void QuotedStringsOnFollowingLinesContinueTheQuote()
    {
        var c = One("""
              quote "first part,"
                    "second part # not a comment"
              reading "one line"
              regime autarky
              assert n > 0
            """);
        Assert.That(c.Quote, Is.EqualTo("first part, second part # not a comment"));
        Assert.That(c.Reading, Is.EqualTo("one line"));
    }

    [Test]
    public void WhereAndWithMayRepeatAndAccumulate()
    {
        var c = One("""
              regime autarky, other-regime
              where 0 < fE
              with sigma = 2
              where fE < f
              with k = max(2, sigma)
              assert n > 0
            """);
        Assert.That(c.Where.Select(w => w.Text), Is.EqualTo(new[] { "0 < fE", "fE < f" }));
        Assert.That(c.With.Select(w => (w.Name, w.Value.Text)), Is.EqualTo(new[] { ("sigma", "2"), ("k", "max(2, sigma)") }));
        Assert.That(c.Regimes, Is.EqualTo(new[] { "autarky", "other-regime" }));
    }

    [Test]
    public void AnIncreasingAssertWithoutACondition()
    {
        var a = (MonotoneAssertion)One("  regime autarky\n  assert increasing aD^(k + 1) in fE over (0, min(f, 1))").Assertions.Single();
        Assert.That((a.Increasing, a.Expression.Text, a.Variable, a.Lower.Text, a.Upper.Text, a.Condition),
            Is.EqualTo((true, "aD^(k + 1)", "fE", "0", "min(f, 1)", (MathText?)null)));
    }

    [Test]
    public void AForAllWithACondition()
    {
        var a = (ForAllAssertion)One("  regime autarky\n  assert forall a in (aD/2, aD) where a > 1/4: a^(1 - sigma)*B > f").Assertions.Single();
        Assert.That((a.Variable, a.Lower.Text, a.Upper.Text, a.Condition?.Text, a.Relation.Text),
            Is.EqualTo(("a", "aD/2", "aD", "a > 1/4", "a^(1 - sigma)*B > f")));
    }

    [Test]
    public void AFormulaSplitsAtTheTopLevelEquals()
    {
        var a = (FormulaAssertion)One("  regime autarky\n  assert formula max(aD, f) = (k = 1)").Assertions.Single();
        Assert.That((a.Derived.Text, a.Paper.Text, a.UpToPositiveFactor), Is.EqualTo(("max(aD, f)", "(k = 1)", false)));
    }

    [Test]
    public void ALimitKeepsItsExpressionAndValue()
    {
        var a = (LimitAssertion)One("  regime autarky\n  assert limit active/L as k -> inf = 1/f").Assertions.Single();
        Assert.That((a.Expression.Text, a.Variable, a.Value.Text), Is.EqualTo(("active/L", "k", "1/f")));
    }

    [Test]
    public void SpansOfClaimsAndAssertions()
    {
        var doc = ClaimsLoader.LoadText("""
            # header
            claims for tiny

              claim A.b_1-2
                regime autarky
                assert exists: n > 1
              end
            """, "s.claims");
        var c = doc.Claims.Single();
        Assert.That(c.Id, Is.EqualTo("A.b_1-2"));
        Assert.That(c.Span, Is.EqualTo(new Verify.Model.Language.SourceSpan("s.claims", 4, 3)));
        Assert.That(c.Assertions.Single().Span, Is.EqualTo(new Verify.Model.Language.SourceSpan("s.claims", 6, 5)));
        Assert.That(((ExistsAssertion)c.Assertions.Single()).Relation.Span.Column, Is.EqualTo(20));
    }

    [Test]
    public void ModelFilesStillSplitWithTheirOwnKeywords()
    {
        // 'where' and 'assert' are claims keywords, not model ones: in a model file they are unknown statements.
        var e = Assert.Throws<Verify.Model.Language.ModelException>(() =>
            Verify.Model.Language.ModelLoader.LoadText("model m\nparameter f : f > 0\nassert f > 0\n", "m.model"))!;
        Assert.That((e.Line, e.Column), Is.EqualTo((3, 1)));
        Assert.That(e.Problem, Does.StartWith("unknown keyword 'assert'"));
    }

    /// <summary>Any list of relations, spaced any way on one line, comes back one piece each, and each span points at its text.</summary>
    [Test]
    public void WhereRelationsAndTheirSpansSurviveAnySpacing()
    {
        var relation = Gen.Elements("0 < phi", "phi < phiS", "sn@entry < 1", "max(a, b) >= c", "diff(x, y) != 0", "(a + b)*min(c, d) > 1");
        var space = Gen.Elements("", " ", "  ", "\t");
        var piece = Gen.Zip(Gen.Zip(space, relation), space, (left, after) => (Before: left.Item1, Relation: left.Item2, After: after));
        var gen = Gen.Zip(Gen.NonEmptyListOf(piece), Gen.Elements("", "  ", "\t"));
        Properties.Check(gen, t =>
        {
            var (pieces, indent) = t;
            var line = indent + "where " + string.Join(",", pieces.Select(p => p.Before + p.Relation + p.After));
            var doc = ClaimsLoader.LoadText($"claims for m\nclaim c\n  regime r\n{line}\n  assert x > 0\nend\n", "p.claims");
            var where = doc.Claims.Single().Where;
            return where.Select(w => w.Text).SequenceEqual(pieces.Select(p => p.Relation))
                && where.All(w => w.Span.Line == 4 && line[(w.Span.Column - 1)..].StartsWith(w.Text, StringComparison.Ordinal));
        }, seed: 20140101);
    }
}
