using NUnit.Framework;
using Verify.Cli.Tests.Support;

namespace Verify.Cli.Tests;

/// <summary>verify eval --regime: expressions over a regime's derived names.</summary>
public class RegimeEvalTests
{
    static double Eval(string expression, string regime, string at)
    {
        var r = CommandLine.Run("eval", expression, "--regime", regime, "--at", at);
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        return r.Number;
    }

    [TestCase(0.5, "relocation-entry.XX")]
    [TestCase(0.75, "relocation-entry.DD")]
    public void A_derivative_matches_a_central_difference(double phi, string phase)
    {
        const double h = 1e-5;
        var at = Point.At(sigma: 3, rho: 4, sE: 0.6, phi: phi);
        var json = CommandLine.Run("eval", "diff(abarS, phi)", "--regime", "relocation-entry", "--at", at, "--json").Json;
        Assert.That(json.GetProperty("phases").GetProperty("relocation-entry").GetString(), Is.EqualTo(phase));
        var slope = json.GetProperty("value").GetDouble();
        var difference = (Eval("abarS", "relocation-entry", Point.At(3, 4, 0.6, phi + h))
                        - Eval("abarS", "relocation-entry", Point.At(3, 4, 0.6, phi - h))) / (2 * h);
        Assert.That(slope, Is.EqualTo(difference).Within(1e-6 * Math.Max(1, Math.Abs(difference))));
    }

    [Test]
    public void Another_regimes_name_is_written_with_an_at_sign()
    {
        // Wstar is ln((1 - sE)/Bstar) in both regimes; with entry, Bstar is the same at this point.
        var r = CommandLine.Run("eval", "Wstar - Wstar@entry", "--regime", "relocation-entry", "--at", Point.Interior, "--json");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        Assert.That(r.Json.GetProperty("value").GetDouble(), Is.EqualTo(0).Within(1e-12));
        Assert.That(r.Json.GetProperty("phases").GetProperty("entry").GetString(), Is.EqualTo("entry.interior"));
    }

    [Test]
    public void A_threshold_evaluates_to_its_closed_form()
    {
        Assert.That(Eval("phiS", "relocation-entry", Point.Interior), Is.EqualTo(Math.Sqrt(0.4 / 0.6)).Within(1e-14));
    }

    [TestCase("sigma=3,rho=4,sE=1.2,phi=0.5,f=1,fI=0.5", "sE < 1 does not hold at sE = 1.2")]
    [TestCase("sigma=3,rho=1.5,sE=0.6,phi=0.5,f=1,fI=0.5", "rho > sigma - 1 does not hold at rho = 1.5, sigma = 3")]
    [TestCase("sigma=3,rho=4,sE=0.6,phi=0.5,f=1,fI=2", "fI*(beta - 1) < f does not hold")]
    [TestCase("sigma=3,rho=4,sE=0.6,phi=0,f=1,fI=0.5", "0 < phi does not hold at phi = 0")]
    public void A_point_outside_the_domain_names_the_inequality(string at, string message)
    {
        var r = CommandLine.Run("eval", "abarS", "--regime", "relocation-entry", "--at", at);
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput), r.ToString());
        Assert.That(r.Output, Does.StartWith("error: the point is outside the model's domain: ").And.Contain(message));
    }

    [TestCase("abarS", "relocation-entry", "sigma=3,rho=4,sE=0.6,phi=0.5,f=1", "no value given for fI")]
    [TestCase("abarS", "relocation-entry", Point.Interior + ",x=1", "'x' is not a parameter of baldwin-okubo-2014")]
    [TestCase("abarS", "relocation-entry", Point.Interior + ",beta=2", "beta is derived")]
    [TestCase("abarS", "nowhere", Point.Interior, "no regime 'nowhere' in baldwin-okubo-2014; the regimes are autarky, entry, onset, relocation, relocation-entry")]
    [TestCase("2*foo", "entry", Point.Interior, "in the expression, 1:3: unknown symbol 'foo'")]
    [TestCase("abarS +", "entry", Point.Interior, "in the expression, 1:8: expected an expression")]
    [TestCase("abarS@nowhere", "entry", Point.Interior, "no regime 'nowhere'")]
    [TestCase("gain", "entry", Point.Interior, "the expression depends on a")]
    [TestCase("abarN", "relocation-entry", "sigma=3,rho=4,sE=0.6,phi=0.9,f=1,fI=0.5",
        "'abarN' not defined in relocation-entry.agglomerated")]
    public void Bad_input_is_one_line_and_exit_code_2(string expression, string regime, string at, string message)
    {
        var r = CommandLine.Run("eval", expression, "--regime", regime, "--at", at);
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput), r.ToString());
        Assert.That(r.Output, Does.StartWith("error: ").And.Contain(message));
        Assert.That(r.Output.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
    }

    [Test]
    public void The_gain_takes_the_firms_cost_from_the_point()
    {
        var r = CommandLine.Run("eval", "gain", "--regime", "onset", "--at", Point.Interior + ",a=0.05");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        Assert.That(r.Number, Is.Not.NaN);
    }
}
