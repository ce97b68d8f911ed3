using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Presentation;
using Verify.Symbolic.Tests.Algebra;
using Verify.Symbolic.Tests.Support;
using Verify.Symbolic.Text;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Tests.Assumptions.Model;

namespace Verify.Symbolic.Tests.Presentation;

/// <summary>
/// The paper's notation: results shown with beta and alpha written back and powers gathered, each
/// shown form read back by the parser and compared with the raw form by value at admissible points.
/// </summary>
public class PresenterTests
{
    static readonly Abbreviation BetaIsRhoOverSigmaMinusOne = new(Beta, Rho / (Sigma - 1));
    static readonly Abbreviation AlphaIsRhoPlusOneMinusSigma = new(Alpha, Rho + 1 - Sigma);

    static readonly Verify.Symbolic.Assumptions.Assumptions Oracle = Declared();
    static readonly Presenter Paper = new(Oracle, [BetaIsRhoOverSigmaMinusOne, AlphaIsRhoPlusOneMinusSigma]);

    static readonly ParseContext Names = ParseContext.Default.WithSymbols(Sigma, Rho, SE, Phi, F, FI, Beta, Alpha, A, Sym("r"), Sym("x", SymbolSign.Positive)).Strict();

    static Expr Read(string text) => Parser.Parse(text, Names);

    /// <summary>The shown text, read back with beta and alpha replaced by their definitions.</summary>
    static Expr ReadBackRaw(string shown) => Read(shown).Substitute(new Dictionary<Expr, Expr>
    {
        [Beta] = BetaIsRhoOverSigmaMinusOne.Definition,
        [Alpha] = AlphaIsRhoPlusOneMinusSigma.Definition,
    });

    [Test]
    public void TheSustainPointReadsAsThePapers()
    {
        var raw = Read("(1 - sE)^((sigma - 1)/rho)/sE^((sigma - 1)/rho)");
        Assert.That(Paper.Text(raw), Is.EqualTo("((1 - sE)/sE)^(1/beta)"));
    }

    [Test]
    public void TheDomesticCutOffGathersItsPowersAndFoldsBeta()
    {
        var raw = Read("fI^(1/rho)*(rho - sigma + 1)^(1/rho)*(sigma - 1)^(-1/rho)/(f^(1/rho)*(phi^(rho/(sigma - 1)) + 1)^(1/rho))");
        Assert.That(Paper.Text(raw), Is.EqualTo("(fI*(beta - 1)/(f*(phi^beta + 1)))^(1/rho)"));
    }

    [Test]
    public void AMinusInFrontIsAbsorbedBelowTheLine()
    {
        var raw = Read("-(phi^(rho/(sigma - 1)) + 1)/(phi^(rho/(sigma - 1)) - 1)");
        Assert.That(Paper.Text(raw), Is.EqualTo("(phi^beta + 1)/(1 - phi^beta)"));
    }

    [Test]
    public void AQuotientOfTwoNegativeSumsLosesBothMinuses()
    {
        var x = Sym("x", SymbolSign.Positive);
        var raw = (-x - 1) / (-x * x - 2);
        Assert.That(Presenter.Plain(Oracle).Text(raw), Is.EqualTo("(x + 1)/(x^2 + 2)"));
    }

    [Test]
    public void SumsAreTurnedToLeaveFewerMinuses()
    {
        var x = Sym("x", SymbolSign.Positive);
        var y = Sym("y", SymbolSign.Positive);
        Assert.That(Presenter.Plain(Oracle).Text(Pow(y - x - 1, 2) * F), Is.EqualTo("f*(x - y + 1)^2"));
        Assert.That(Presenter.Plain(Oracle).Text(F / (y - x - 1)), Is.EqualTo("-f/(x - y + 1)"));
    }

    [Test]
    public void PowersOfBasesNotProvedNonNegativeAreNotGathered()
    {
        var r = Sym("r");
        var raw = Pow(r, Rho) * Pow(F, Rho);
        Assert.That(Presenter.Plain(Oracle).Text(raw), Does.Not.StartWith("("));
        Assert.That(PlainPrinter.Print(Layout.Of(Pow(FI, Rho) * Pow(F, Rho), Oracle)), Is.EqualTo("(f*fI)^rho"));
    }

    [Test]
    public void AFormThatDoesNotShortenStaysRaw()
    {
        var raw = Rho * F;
        Assert.That(Paper.Text(raw), Is.EqualTo("f*rho"));
    }

    [Test]
    public void LatexPrintsTheAbbreviationAsAGreekLetterAndTheGroupInParentheses()
    {
        var raw = Read("(1 - sE)^((sigma - 1)/rho)/sE^((sigma - 1)/rho)");
        var names = LatexNames.Default.WithSymbol("sE", "s_E").WithSymbol("beta", @"\beta");
        Assert.That(LatexPrinter.Print(Paper.Present(raw), names), Is.EqualTo(@"\left(\frac{1 - s_E}{s_E}\right)^{1/\beta}"));
    }

    /// <summary>Random expressions over the paper's parameters: the shown form, read back, has the raw form's value.</summary>
    [Test]
    public void ShownFormsKeepTheValue()
    {
        var pool = Oracle.Sample(new Random(29), 200, []).ToArray();
        var symbols = new[] { Sigma, Rho, SE, Phi, F, FI };
        var gen = Gen.Zip(RawTree.Generate(symbols, 3), Gen.ListOf(Gen.Elements(pool), 4));
        int compared = 0;
        Properties.Check(gen, t =>
        {
            var raw = t.Item1.Build(StructuralSign.Instance);
            var shown = Paper.Text(raw);
            var back = ReadBackRaw(shown);
            foreach (var p in t.Item2)
            {
                var before = Evaluator.Evaluate(raw, p);
                if (!double.IsFinite(before) || Math.Abs(before) > 1e12 || Math.Abs(before) < 1e-12) continue;
                var after = Evaluator.Evaluate(back, p);
                compared++;
                if (!(Math.Abs(before - after) <= 1e-7 * Math.Max(1, Math.Abs(before))))
                {
                    TestContext.Out.WriteLine($"{raw}\n  shown {shown}\n  at {string.Join(", ", p.Select(kv => $"{kv.Key.Name}={kv.Value:R}"))}: {before:R} vs {after:R}");
                    return false;
                }
            }
            return true;
        }, seed: 20261207, count: 150);
        Assert.That(compared, Is.GreaterThan(200));
    }
}
