using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Tests.Support;
using Verify.Symbolic.Text;

namespace Verify.Symbolic.Tests.Text;

/// <summary>LaTeX output pinned exactly for expressions as the paper writes them.</summary>
public class LatexPrinterTests
{
    // Real-valued symbols unless a test says otherwise, so canonical forms split nothing.
    static readonly ParseContext Paper = ParseContext.Default.WithFunction("F", 2).WithFunction("aX", 2);

    static string Latex(string text, LatexNames? names = null, ParseContext? context = null) =>
        LatexPrinter.Print(Parser.Parse(text, context ?? Paper), names);

    [TestCase("((beta-1)*f_I/(f*(1+phi^beta)))^(1/rho)",
        @"\left(\frac{f_{I} \left(\beta - 1\right)}{f \left(\varphi^{\beta} + 1\right)}\right)^{1/\rho}")]
    [TestCase("(1 - s_E)/s_E", @"\frac{1 - s_{E}}{s_{E}}")]
    [TestCase("2*x/(3*y)", @"\frac{2 x}{3 y}")]
    [TestCase("sigma^2*x", @"\sigma^{2} x")]
    [TestCase("x^(1/2)", @"\sqrt{x}")]
    [TestCase("y*x^(-1/2)", @"\frac{y}{\sqrt{x}}")]
    [TestCase("x^(-2)", @"\frac{1}{x^{2}}")]
    [TestCase("exp(-r)", @"e^{-r}")]
    [TestCase("exp(x/4)", @"e^{x/4}")]
    [TestCase("ln(x) + ln(1 + x)", @"\ln x + \ln\left(x + 1\right)")]
    [TestCase("2*3^x", @"2 \cdot 3^{x}")]
    [TestCase("-x^2", @"-x^{2}")]
    [TestCase("x^(y/z)", @"x^{y/z}")]
    [TestCase("x^(-1/2*y)", @"\frac{1}{x^{y/2}}")]
    [TestCase("(x + y)^2", @"\left(x + y\right)^{2}")]
    [TestCase("-3/4", @"-\frac{3}{4}")]
    [TestCase("x/2 - 1", @"\frac{x}{2} - 1")]
    [TestCase("-2*x/y", @"-\frac{2 x}{y}")]
    [TestCase("mu*sE*tau", @"\mu\, \mathit{sE}\, \tau")]
    [TestCase("x1 + delta_2 + a_D", @"a_{D} + \delta_{2} + x_{1}")]
    [TestCase("epsilon*Gamma*f_IX", @"\Gamma \varepsilon f_{IX}")]
    [TestCase("ln(x)*y", @"y\, \ln x")]
    [TestCase("integral(a^2*x, a, 0, 1)", @"\int_{0}^{1} a^{2} x \,\mathrm{d}a")]
    [TestCase("integral(a + x, a, 0, b)", @"\int_{0}^{b} \left(a + x\right) \,\mathrm{d}a")]
    [TestCase("aX'[0,1](phi, sigma)",
        @"\frac{\partial^{2} \operatorname{aX}}{\partial \varphi\, \partial \sigma}\left(\varphi, \sigma\right)")]
    [TestCase("aX'[0,0](phi, sigma)", @"\frac{\partial^{2} \operatorname{aX}}{\partial \varphi^{2}}\left(\varphi, \sigma\right)")]
    [TestCase("F'[0](x + y, z)", @"\partial_{1} F\left(x + y, z\right)")]
    [TestCase("abs(r) + max(x, 0)", @"\left|r\right| + \max\left(x, 0\right)")]
    [TestCase("aX(phi, sigma)^2", @"\operatorname{aX}\left(\varphi, \sigma\right)^{2}")]
    [TestCase("(x^a)^b", @"\left(x^{a}\right)^{b}")]
    [TestCase("(-2)^x", @"\left(-2\right)^{x}")]
    public void PinnedOutput(string text, string latex) => Assert.That(Latex(text), Is.EqualTo(latex));

    [Test]
    public void PositiveSymbolsSplitThePowerOfAQuotient()
    {
        // With the paper's signs the canonical form distributes 1/rho over the factors known to be positive.
        var positive = Paper.WithSymbols(
            Expr.Sym("beta", SymbolSign.Positive), Expr.Sym("f_I", SymbolSign.Positive),
            Expr.Sym("f", SymbolSign.Positive), Expr.Sym("phi", SymbolSign.NonNegative), Expr.Sym("rho", SymbolSign.Positive));
        Assert.That(Latex("((beta-1)*f_I/(f*(1+phi^beta)))^(1/rho)", context: positive),
            Is.EqualTo(@"\frac{f_{I}^{1/\rho} \left(\beta - 1\right)^{1/\rho}}{f^{1/\rho} \left(\varphi^{\beta} + 1\right)^{1/\rho}}"));
    }

    [Test]
    public void OverridesReplaceANamesRendering()
    {
        var names = LatexNames.Default.WithSymbol("sE", "s_E").WithSymbol("abarS", @"\bar{a}^{*}").WithFunction("aX", "a_X");
        Assert.That(Latex("(1 - sE)/sE", names), Is.EqualTo(@"\frac{1 - s_E}{s_E}"));
        Assert.That(Latex("abarS^2*sE", names), Is.EqualTo(@"\left(\bar{a}^{*}\right)^{2} s_E"));
        Assert.That(Latex("aX'[1](phi, sigma)", names), Is.EqualTo(@"\frac{\partial a_X}{\partial \sigma}\left(\varphi, \sigma\right)"));
    }

    [TestCase("sigma", @"\sigma")]
    [TestCase("rho", @"\rho")]
    [TestCase("phi", @"\varphi")]
    [TestCase("beta", @"\beta")]
    [TestCase("s_E", "s_{E}")]
    [TestCase("f_I", "f_{I}")]
    [TestCase("sigma_E", @"\sigma_{E}")]
    [TestCase("x_sigma", @"x_{\sigma}")]
    [TestCase("x1_E", @"\mathit{x1}_{E}")]
    [TestCase("sE", @"\mathit{sE}")]
    [TestCase("x", "x")]
    public void DefaultSymbolNames(string name, string latex) => Assert.That(LatexNames.Default.Symbol(name), Is.EqualTo(latex));

    [Test]
    public void BracesAndDelimitersBalanceOnRandomExpressions() =>
        Properties.Check(ExprGenerators.Real(3), e =>
        {
            var latex = LatexPrinter.Print(e);
            var depth = 0;
            foreach (var c in latex)
            {
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth < 0) return false;
            }
            return depth == 0 && Count(latex, @"\left") == Count(latex, @"\right") && !latex.Contains("+ -") && !latex.Contains("--");
        }, seed: 20260521, count: 300);

    static int Count(string text, string part) => (text.Length - text.Replace(part, "").Length) / part.Length;

    [Test]
    public void EmptyOverrideIsRejected() =>
        Assert.Throws<ArgumentException>(() => LatexNames.Default.WithSymbol("sE", " "));
}
