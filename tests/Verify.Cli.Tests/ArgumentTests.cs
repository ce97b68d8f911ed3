using NUnit.Framework;
using Verify.Cli.Tests.Support;

namespace Verify.Cli.Tests;

/// <summary>The command line's arguments: values that start with '-', --help everywhere, the parameters a regime asks for.</summary>
public class ArgumentTests
{
    [Test]
    public void An_expression_may_start_with_a_minus()
    {
        Assert.That(CommandLine.Run("eval", "-x^2", "--at", "x=2").Number, Is.EqualTo(-4));
        Assert.That(CommandLine.Run("eval", "--", "-x^2", "--at", "x=3").Number, Is.EqualTo(-9));
        Assert.That(CommandLine.Run("eval", "-x", "--at", "x=-2").Number, Is.EqualTo(2));
        Assert.That(CommandLine.Run("eval", "x", "--at", "x=1", "--assume", "-x<0").Number, Is.EqualTo(1));
    }

    [Test]
    public void What_simplify_prints_can_be_given_back_to_eval()
    {
        var simplified = CommandLine.Run("simplify", "0 - x^2*y/y", "--assume", "y>0").Output.Trim();
        Assert.That(simplified, Does.StartWith("-"));
        Assert.That(CommandLine.Run("eval", simplified, "--at", "x=2").Number, Is.EqualTo(-4));
    }

    [Test]
    public void Help_works_for_every_command()
    {
        var top = CommandLine.Run("--help");
        Assert.That(top.Exit, Is.EqualTo(0), top.ToString());
        // The command names are read from the listing, so a command added later is covered too.
        // A command's line is indented by four spaces; its description continues further in.
        var commands = top.Output[top.Output.IndexOf("COMMANDS:", StringComparison.Ordinal)..]
            .Split('\n').Skip(1).Where(l => l.StartsWith("    ", StringComparison.Ordinal) && l[4] != ' ')
            .Select(l => l.Trim().Split(' ')[0]).ToList();
        Assert.That(commands, Does.Contain("check").And.Contain("eval").And.Contain("table").And.Contain("explain"));
        foreach (var command in commands)
        {
            var r = CommandLine.Run(command, "--help");
            Assert.That(r.Exit, Is.EqualTo(0), $"{command} --help: {r}");
            Assert.That(r.Output, Does.Contain("USAGE:").And.Contain($"verify {command}"), command);
        }
    }

    [Test]
    public void Autarky_needs_no_phi_and_ignores_one_given()
    {
        var without = CommandLine.Run("eval", "aD", "--regime", "autarky", "--at", "sigma=3,rho=4,sE=0.6,f=1,fI=0.5");
        Assert.That(without.Exit, Is.EqualTo(0), without.ToString());
        var with = CommandLine.Run("eval", "aD", "--regime", "autarky", "--at", "sigma=3,rho=4,sE=0.6,phi=0,f=1,fI=0.5");
        Assert.That(with.Exit, Is.EqualTo(0), with.ToString());
        Assert.That(with.Number, Is.EqualTo(without.Number));
        // aD = ((beta - 1) fI / f)^(1/rho) in autarky, beta = 2.
        Assert.That(without.Number, Is.EqualTo(Math.Pow(0.5, 0.25)).Within(1e-14));
    }

    [Test]
    public void A_trade_regime_still_needs_phi()
    {
        var r = CommandLine.Run("eval", "aD", "--regime", "entry", "--at", "sigma=3,rho=4,sE=0.6,f=1,fI=0.5");
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput));
        Assert.That(r.Output, Does.StartWith("error: no value given for phi"));
    }
}
