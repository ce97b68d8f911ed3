using NUnit.Framework;
using Verify.Model.Claims;
using Verify.Model.Language;

namespace Verify.Model.Tests.Claims;

/// <summary>Each malformed claims file is rejected with the exact place (file:line:column) and what was expected.</summary>
public class MalformedClaimsTests
{
    // A valid file; the cases below change the lines after the header (line numbers matter).
    const string Header = """
        claims for tiny
        """;

    static string File(string claims) => Header + "\n\n" + claims;

    static ModelException Fail(string text, string? model = null)
    {
        var e = Assert.Throws<ModelException>(() => ClaimsLoader.LoadText(text, "bad.claims", model))!;
        TestContext.Out.WriteLine(e.Message);
        return e;
    }

    static void AssertAt(ModelException e, int line, int column, string gist)
    {
        Assert.That(e.Message, Does.StartWith($"bad.claims:{line}:{column}: "), e.Message);
        Assert.That((e.File, e.Line, e.Column), Is.EqualTo(("bad.claims", line, column)));
        Assert.That(e.Problem, Does.Contain(gist));
    }

    [Test]
    public void TheBaseFileLoads()
    {
        var doc = ClaimsLoader.LoadText(File("""
            claim C1.first
              regime autarky
              assert aD < 1
            end
            """), "good.claims", model: "tiny");
        Assert.That(doc.Claims.Single().Id, Is.EqualTo("C1.first"));
    }

    [Test]
    public void UnknownKeywordInAClaim() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          asert aD < 1
        end
        """)), 5, 3, "unknown keyword 'asert': expected one of quote, reading, regime, where, with, discount, draw, verdict, assert, end");

    [Test]
    public void UnknownKeywordAtTopLevel() => AssertAt(Fail(File("""
        clam C1
        """)), 3, 1, "unknown keyword 'clam': expected one of claims, claim");

    [Test]
    public void AClaimStatementOutsideAClaim() => AssertAt(Fail(File("""
        quote "words"
        """)), 3, 1, "'quote' is allowed only inside a claim");

    [Test]
    public void MissingEndAtTheEndOfTheFile() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          assert aD < 1
        """)), 3, 1, "missing 'end': claim 'C1' is still open at the end of the file");

    [Test]
    public void MissingEndBeforeTheNextClaim() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          assert aD < 1
        claim C2
        """)), 6, 1, "expected 'end' of claim 'C1' (line 3) before 'claim'");

    [Test]
    public void DuplicateClaimId() => AssertAt(Fail(File("""
        claim C1.a-b
          regime autarky
          assert aD < 1
        end
        claim C1.a-b
          regime autarky
          assert aD > 0
        end
        """)), 7, 7, "duplicate claim id 'C1.a-b': already used at line 3");

    [Test]
    public void AClaimWithoutARegime() => AssertAt(Fail(File("""
        claim C1
          quote "words"
          assert aD < 1
        end
        """)), 3, 1, "claim 'C1' has no 'regime'");

    [Test]
    public void AClaimWithoutAnAssert() => AssertAt(Fail(File("""
          claim C1
            regime autarky
            where 0 < aD
          end
        """)), 3, 3, "claim 'C1' has no 'assert'");

    [Test]
    public void ClaimsForAnotherModel() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          assert aD < 1
        end
        """), model: "other"), 1, 12, "these claims are for model 'tiny' but they were loaded for model 'other'");

    [Test]
    public void NoClaimsForBeforeTheFirstClaim() => AssertAt(Fail("""
        # no header
        claim C1
          regime autarky
          assert aD < 1
        end
        """), 2, 1, "expected 'claims for MODEL' before the first claim");

    [Test]
    public void AnEmptyFile() => AssertAt(Fail("# nothing\n"), 1, 1, "expected 'claims for MODEL'");

    [Test]
    public void UnterminatedString() => AssertAt(Fail(File("""
        claim C1
          quote "the paper # says
          regime autarky
          assert aD < 1
        end
        """)), 4, 9, "unterminated string");

    [Test]
    public void ASecondQuote() => AssertAt(Fail(File("""
        claim C1
          quote "one"
          regime autarky
          quote "two"
          assert aD < 1
        end
        """)), 6, 3, "a second 'quote' in claim 'C1' (line 3): the first is at line 4");

    [Test]
    public void ARegimeNamedTwice() => AssertAt(Fail(File("""
        claim C1
          regime autarky, entry-exit, autarky
          assert aD < 1
        end
        """)), 4, 31, "regime 'autarky' is named twice");

    [Test]
    public void AVerdictOtherThanNotDerivable() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          verdict holds
          assert aD < 1
        end
        """)), 5, 11, "unknown verdict 'holds': only not-derivable can be declared");

    [Test]
    public void AWithWithoutEquals() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          with sigma 2
          assert aD < 1
        end
        """)), 5, 14, "expected '=' and the value of 'sigma' (with NAME = EXPR) but found '2'");

    [Test]
    public void AWithThatIsARelation() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          with sigma = 2, k = sigma = 3
          assert aD < 1
        end
        """)), 5, 29, "expected ',' and another NAME = EXPR, or the end of the statement but found '='");

    [Test]
    public void AWithThatStartsWithANumber() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          with 2 = sigma
          assert aD < 1
        end
        """)), 5, 8, "expected a name to set (with NAME = EXPR) but found '2'");

    [Test]
    public void ExistsWithoutItsColon() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          assert exists aD > 1/2
        end
        """)), 5, 17, "expected ':' after 'exists' (assert exists: RELATION) but found 'aD'");

    [Test]
    public void ForAllWithoutIn() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          assert forall a (0, aD): a < 1
        end
        """)), 5, 19, "expected 'in' and the range of 'a' (assert forall X in (LO, HI) [where COND]: RELATION) but found '('");

    [Test]
    public void ForAllWithoutTheColonBeforeItsRelation() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          assert forall a in (0, aD) a < 1
        end
        """)), 5, 30, "expected ':' and the relation, or 'where' and a condition (assert forall X in (LO, HI) [where COND]: RELATION) but found 'a'");

    [Test]
    public void ARangeWithThreeEnds() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          assert increasing n in fE over (0, min(1, f), 2)
        end
        """)), 5, 47, "expected ')' closing the range (assert decreasing|increasing EXPR in X over (LO, HI) [where COND]) but found ','");

    [Test]
    public void MonotoneWithoutOver() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          assert decreasing n in fE (0, 1)
        end
        """)), 5, 29, "expected 'over' and the range of 'fE'");

    [Test]
    public void ALimitNotAtInfinity() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          assert limit active as k -> 0 = 1
        end
        """)), 5, 31, "expected 'inf' after '->': only limits at infinity are supported (assert limit EXPR as X -> inf = VALUE) but found '0'");

    [Test]
    public void ALimitWithABrokenArrow() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          assert limit active as k - > inf = 1
        end
        """)), 5, 30, "expected '-> inf' (assert limit EXPR as X -> inf = VALUE) but found '>'");

    [Test]
    public void AFormulaWithAComparison() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          assert formula aD^k <= fE/f
        end
        """)), 5, 23, "expected '=' between the derived and the paper's expression (assert formula EXPR = PAPER [up to a positive factor]) but found '<='");

    [Test]
    public void AFormulaWithAMisspeltFactor() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          assert formula aD^k = fE/f up to a factor
        end
        """)), 5, 38, "expected 'up to a positive factor' (assert formula EXPR = PAPER [up to a positive factor]) but found 'factor'");

    [Test]
    public void AFormulaWithoutItsPaperSide() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          assert formula aD^k
        end
        """)), 5, 22, "expected '=' and the paper's expression (assert formula EXPR = PAPER [up to a positive factor]) but found the end of the statement");

    [Test]
    public void AnAssertThatComparesNothing() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          assert decreasng n in fE over (0, 1)
        end
        """)), 5, 10, "which compares nothing");

    [Test]
    public void AWhereThatComparesNothing() => AssertAt(Fail(File("""
        claim C1
          regime autarky
          where 0 < fE, min(fE, 1)
          assert n > 0
        end
        """)), 5, 17, "expected a relation such as 0 < phi but found 'min(fE, 1)', which compares nothing");

    [Test]
    public void EndWithoutAClaim() => AssertAt(Fail(File("""
        end
        """)), 3, 1, "'end' without an open claim");
}
