using NUnit.Framework;
using Verify.Symbolic.Text;
using static Verify.Symbolic.Tests.Text.TextSymbols;

namespace Verify.Symbolic.Tests.Text;

/// <summary>Every kind of malformed text gets a ParseException at the right line:column, saying what was expected and found.</summary>
public class ParseErrorTests
{
    static ParseException Fails(Action parse) => Assert.Throws<ParseException>(parse)!;

    static void AssertError(ParseException e, int line, int column, string expected, string found)
    {
        Assert.That((e.Line, e.Column, e.Expected, e.Found), Is.EqualTo((line, column, expected, found)), e.Message);
        Assert.That(e.Message, Does.StartWith($"{line}:{column}: "));
    }

    // text, line, column, expected, found — parsed as one expression in the strict test context.
    static readonly object[] ExpressionErrors =
    [
        new object[] { "", 1, 1, "an expression", "end of input" },
        new object[] { "   ", 1, 4, "an expression", "end of input" },
        new object[] { "x +", 1, 4, "an expression", "end of input" },
        new object[] { "x * / y", 1, 5, "an expression", "'/'" },
        new object[] { "x ^", 1, 4, "an expression", "end of input" },
        // Only '\n' starts a line (as files number them): a lone '\r' is white space, "\r\n" one break.
        new object[] { "x +\r y y", 1, 8, "'*'", "'y'" },
        new object[] { "x +\r\n y y", 2, 4, "'*'", "'y'" },
        new object[] { ")", 1, 1, "an expression", "')'" },
        new object[] { "(x + 1", 1, 7, "')'", "end of input" },
        new object[] { "((x)", 1, 5, "')'", "end of input" },
        new object[] { "x + 1)", 1, 6, "end of input", "')'" },
        new object[] { "x < 1", 1, 3, "end of input", "'<'" },
        new object[] { "2x", 1, 2, "'*'", "'x'" },
        new object[] { "x y", 1, 3, "'*'", "'y'" },
        new object[] { "(x)(y)", 1, 4, "'*'", "'('" },
        new object[] { "x(y)", 1, 2, "'*'", "'('" },
        new object[] { "2 (x + 1)", 1, 3, "'*'", "'('" },
        new object[] { "1.", 1, 3, "a digit after the decimal point", "end of input" },
        new object[] { "1.x", 1, 3, "a digit after the decimal point", "'x'" },
        new object[] { "1e-", 1, 4, "a digit in the exponent of '1e-'", "end of input" },
        new object[] { "1.2.3", 1, 4, "the end of the number '1.2'", "'.'" },
        new object[] { ".5", 1, 1, "a digit before the decimal point", "'.'" },
        new object[] { "1e99999", 1, 3, "an exponent of at most 4 digits", "'1e99999'" },
        new object[] { "7 + (10^4000)^4096", 1, 14, "a power of at most 100000 digits", "one of about 16383122 digits" },
        new object[] { "x # y", 1, 3, "a number, name, operator or bracket", "'#'" },
        new object[] { "x ∗ y", 1, 3, "a number, name, operator or bracket", "'∗'" },
        new object[] { "x \u0007", 1, 3, "a number, name, operator or bracket", "character U+0007" },
        new object[] { "x !< y", 1, 4, "'=' after '!'", "'<'" },
        new object[] { "ln x", 1, 4, "'(' after function 'ln'", "'x'" },
        new object[] { "ln'[0](x)", 1, 3, "'(' after function 'ln'", "\"'\"" },
        new object[] { "F'[2](x, y)", 1, 4, "an argument position from 0 to 1", "'2'" },
        new object[] { "F'[x](x, y)", 1, 4, "an argument position (0, 1, ...)", "'x'" },
        new object[] { "F'[0(x, y)", 1, 5, "',' or ']'", "'('" },
        new object[] { "F'(x, y)", 1, 3, "'[' after \"'\"", "'('" },
        new object[] { "F(x y)", 1, 5, "'*'", "'y'" },
        new object[] { "F(x, y", 1, 7, "',' or ')'", "end of input" },
        new object[] { "G(", 1, 3, "an expression", "end of input" },
        new object[] { "F(x)", 1, 1, "2 arguments to 'F'", "1" },
        new object[] { "ln(x, y)", 1, 1, "1 argument to 'ln'", "2" },
        new object[] { "max()", 1, 1, "at least 1 argument to 'max'", "0" },
        new object[] { "integral(x, 1, 0, 1)", 1, 13, "a symbol as the variable of 'integral'", "'1'" },
        new object[] { "diff(x, 2*y)", 1, 9, "a symbol as the variable of 'diff'", "'2*y'" },
        new object[] { "foo(x)", 1, 1, "a built-in or declared function", "'foo'" },
        new object[] { "q + 1", 1, 1, "a declared symbol", "'q'" },
        new object[] { "x +\n  (y * )", 2, 8, "an expression", "')'" },
        new object[] { "x +\r\n\r\n y y", 3, 4, "'*'", "'y'" },
    ];

    [TestCaseSource(nameof(ExpressionErrors))]
    public void MalformedExpression(string text, int line, int column, string expected, string found) =>
        AssertError(Fails(() => Parser.Parse(text, Context)), line, column, expected, found);

    [Test]
    public void MessageSaysWhereWhatWasExpectedAndWhatWasFound() =>
        Assert.That(Fails(() => Parser.ParseRelations("x = 1,\ny = (a + b*cd")).Message,
            Is.EqualTo("2:14: expected ')' but found end of input"));

    [Test]
    public void PartialsNeedArguments() =>
        AssertError(Fails(() => Parser.Parse("h'[0]()", ParseContext.Default.WithFunction("h", 0))), 1, 4,
            "no partials on a call without arguments", "'0'");

    [Test]
    public void UnknownFunctionIsNamed() =>
        Assert.That(Fails(() => Parser.Parse("2*foo(x)")).Message, Is.EqualTo("1:3: unknown function 'foo'"));

    [Test]
    public void UnknownSymbolIsNamedInStrictMode() =>
        Assert.That(Fails(() => Parser.Parse("x + q", Context)).Message, Is.EqualTo("1:5: unknown symbol 'q'"));

    [Test]
    public void IntegrationVariableNeedsNoDeclarationInItsBody() =>
        AssertError(Fails(() => Parser.Parse("integral(u^2, u, 0, u) + v", Context)), 1, 21, "a declared symbol", "'u'");

    [Test]
    public void SyntaxErrorsComeBeforeUnknownSymbols() =>
        AssertError(Fails(() => Parser.Parse("q + (x", Context)), 1, 7, "')'", "end of input");

    [Test]
    public void WrongArityIsExplained() =>
        Assert.That(Fails(() => Parser.Parse("ln(x, y)")).Message, Is.EqualTo("1:1: 'ln' takes 1 argument but was given 2"));

    [Test]
    public void ImplicitMultiplicationAsksForStar() =>
        Assert.That(Fails(() => Parser.Parse("2x")).Message, Is.EqualTo("1:2: expected '*' but found 'x'"));

    [Test]
    public void OriginShiftsTheFirstLineColumns() =>
        AssertError(Fails(() => Parser.Parse("a + * b", ParseContext.Default.At(10, 5))), 10, 9, "an expression", "'*'");

    [Test]
    public void OriginShiftsLaterLinesOnlyInLineNumber() =>
        AssertError(Fails(() => Parser.Parse("a +\n * b", ParseContext.Default.At(10, 5))), 11, 2, "an expression", "'*'");

    [Test]
    public void OriginAppliesToLexicalErrorsToo() =>
        AssertError(Fails(() => Parser.Parse("1 + 2.", ParseContext.Default.At(3, 20))), 3, 26, "a digit after the decimal point", "end of input");

    [TestCase("(", ")")]
    [TestCase("-", "")]
    [TestCase("2^", "")]
    public void DeepNestingIsAnErrorNotACrash(string open, string close)
    {
        var text = string.Concat(Enumerable.Repeat(open, 5000)) + "x" + string.Concat(Enumerable.Repeat(close, 5000));
        var e = Fails(() => Parser.Parse(text));
        Assert.That(e.Message, Does.Contain("nested too deeply"));
        Assert.That(e.Line, Is.EqualTo(1));
    }

    [Test]
    public void RelationListNeedsAnOperatorInEachItem() =>
        AssertError(Fails(() => Parser.ParseRelations("x < y, z", Context)), 1, 9, "a relation operator (<, <=, >, >=, =, !=)", "end of input");

    [Test]
    public void RelationListMayNotEndInAComma() =>
        AssertError(Fails(() => Parser.ParseRelations("x < y,", Context)), 1, 7, "an expression", "end of input");

    [Test]
    public void RelationListRejectsAStrayBracket() =>
        AssertError(Fails(() => Parser.ParseRelations("x < y)", Context)), 1, 6, "',' or end of input", "')'");

    [Test]
    public void EmptyRelationList() =>
        AssertError(Fails(() => Parser.ParseRelations("", Context)), 1, 1, "an expression", "end of input");

    [Test]
    public void SingleRelationRejectsAChain() =>
        AssertError(Fails(() => Parser.ParseRelation("x < y < z", Context)), 1, 7, "end of input (one relation only)", "'<'");

    [Test]
    public void SingleRelationNeedsAnOperator() =>
        AssertError(Fails(() => Parser.ParseRelation("x + y", Context)), 1, 6, "a relation operator (<, <=, >, >=, =, !=)", "end of input");

    [Test]
    public void DoubledEqualsSign() =>
        AssertError(Fails(() => Parser.ParseRelation("x = = y", Context)), 1, 5, "an expression", "'='");

    [Test]
    public void NullTextIsAnArgumentError() => Assert.Throws<ArgumentNullException>(() => Parser.Parse(null!));
}
