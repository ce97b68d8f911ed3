using NUnit.Framework;
using Verify.Cli.Tests.Support;

namespace Verify.Cli.Tests;

public class SimplifyCommandTests
{
    [Test]
    public void Merges_powers_of_a_positive_base()
    {
        var r = CommandLine.Run("simplify", "x^a*x^b/x", "--assume", "x>0");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        Assert.That(r.Output.Trim(), Is.EqualTo("x^(a + b - 1)"));
    }

    [Test]
    public void Prints_latex_and_json()
    {
        Assert.That(CommandLine.Run("simplify", "x^a*x^b/x", "--assume", "x>0", "--latex").Output.Trim(), Is.EqualTo("x^{a + b - 1}"));
        var json = CommandLine.Run("simplify", "x^a*x^b/x", "--assume", "x>0", "--json").Json;
        Assert.That(json.GetProperty("expression").GetString(), Is.EqualTo("x^(a + b - 1)"));
        Assert.That(json.GetProperty("latex").GetString(), Is.EqualTo("x^{a + b - 1}"));
    }

    [Test]
    public void A_parse_error_names_line_and_column()
    {
        var r = CommandLine.Run("simplify", "x^");
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput));
        Assert.That(r.Output, Does.StartWith("error: 1:3: expected an expression"));
    }

    [Test]
    public void A_mistyped_option_is_an_error_not_ignored()
    {
        var r = CommandLine.Run("simplify", "x", "--asume", "x>0");
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput));
        Assert.That(r.Output, Does.Contain("asume"));
    }
}
