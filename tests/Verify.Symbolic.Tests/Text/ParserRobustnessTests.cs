using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Tests.Support;
using Verify.Symbolic.Text;
using static Verify.Symbolic.Tests.Text.TextSymbols;

namespace Verify.Symbolic.Tests.Text;

/// <summary>Whatever text comes in, the parser either returns or throws a ParseException; nothing else escapes.</summary>
public class ParserRobustnessTests
{
    // Pieces of the grammar, mostly valid on their own, glued in random order into mostly invalid text.
    static readonly string[] Pieces =
    [
        "x", "y", "r", "q", "2", "0", "1.5", "1e-3", "10^400", " ", "\n",
        "+", "-", "*", "/", "^", "(", ")", ",", "'", "[", "]", "<", "<=", "=", "!", "≠", ".", "#",
        "ln(", "max(", "abs(", "sqrt(", "integral(", "diff(", "F(", "F'[0](", "G(", "e",
    ];

    static Gen<string> Text => Gen.Choose(0, 14).SelectMany(n => Gen.ArrayOf(Gen.Elements(Pieces), n)).Select(string.Concat);

    static readonly string[] Valid =
    [
        "((sigma-1)*s_E/(x*(1+phi^sigma)))^(1/rho)", "integral(a^2*x, a, 0, integral(t, t, 0, y))",
        "diff(F(x^2, y)*ln(x), x)", "max'[1](x, y, 0) + abs(r - 1)^(1/2)", "F'[0,1](sigma, phi) - exp(-r/4)",
        "(10^400)^(1/2) + 1e-3*x^-2", "-x^2 - (-2)^(1/3) + 0^r", "sqrt(x)*min(r, 2)/G(x)",
    ];

    /// <summary>A valid text with one to three characters deleted, inserted or replaced: text that is almost right.</summary>
    static Gen<string> NearlyValid =>
        from text in Gen.Elements(Valid)
        from count in Gen.Choose(1, 3)
        from edits in Gen.ArrayOf(Edits, count)
        select Edit(text, edits);

    static Gen<(int At, int Kind, char C)> Edits =>
        from at in Gen.Choose(0, 60)
        from kind in Gen.Choose(0, 2)
        from c in Gen.Elements("xyr01.e+-*/^(),'[]<=!".ToCharArray())
        select (at, kind, c);

    static string Edit(string text, (int At, int Kind, char C)[] edits)
    {
        var chars = text.ToList();
        foreach (var (at, kind, c) in edits)
        {
            var i = at % (chars.Count + 1);
            if (kind == 1) chars.Insert(i, c);
            else if (i < chars.Count) { if (kind == 0) chars.RemoveAt(i); else chars[i] = c; }
        }
        return new string([.. chars]);
    }

    static bool OnlyParseExceptions(Func<object> parse)
    {
        try { parse(); return true; }
        catch (ParseException) { return true; }
        catch (Exception e)
        {
            TestContext.Out.WriteLine($"{e.GetType().Name}: {e.Message}");
            return false;
        }
    }

    [Test]
    public void ExpressionsNeverThrowAnythingElse() =>
        Properties.Check(Text, t => OnlyParseExceptions(() => Parser.Parse(t, Context)), seed: 20260511, count: 3000);

    [Test]
    public void NearlyValidTextNeverThrowsAnythingElse() =>
        Properties.Check(NearlyValid, t => OnlyParseExceptions(() => Parser.Parse(t, Context)), seed: 20260513, count: 3000);

    [Test]
    public void RelationsNeverThrowAnythingElse() =>
        Properties.Check(Text, t => OnlyParseExceptions(() => Parser.ParseRelations(t, ParseContext.Default.WithFunction("F", 2))),
            seed: 20260512, count: 3000);
}
