using System.Diagnostics;
using NUnit.Framework;
using Verify.Derivation.Results;
using Verify.Model.Language;

namespace Verify.Derivation.Tests;

/// <summary>Models whose algebra would explode end quickly, their names left implicit with the reason.</summary>
public class BoundedDerivationTests
{
    [Test]
    public void ASixtyTermSumToASymbolicPowerStaysImplicit()
    {
        var sum = string.Join(" + ", Enumerable.Range(0, 60).Select(i => $"{i + 1}*x^{i}"));
        var text = $"""
            model explode
            parameter s : s > 1
            parameter c : c > 0
            regime r
              unknown x : 0 < x < 1
              unknown y : y > 0
              condition one : y = ({sum})^s
              condition two : y*x = c
            end
            """;
        var clock = Stopwatch.StartNew();
        var derived = ModelDeriver.Derive(ModelLoader.LoadText(text, "explode.model"));
        var phase = derived.Regime("r")!.Phase(null)!;
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)));
        Assert.That(phase.Find("x")!.Kind, Is.EqualTo(FormKind.Implicit));
        Assert.That(phase.Steps.Any(s => s.Rule.Contains("has no closed form")), Is.True);
    }

    [Test]
    public void ThirtyRegimesDeriveOneByOne()
    {
        var regimes = string.Concat(Enumerable.Range(0, 30).Select(i => $"""

            regime r{i}
              unknown aD : 0 < aD < 1
              unknown B : B > 0
              condition cutoff : aD^(1 - sigma)*B = f
              condition entry : integral((a^(1 - sigma)*B - f)*k*a^(k - 1), a, 0, aD) = fE*{i + 1}
            end
            """));
        var text = """
            model many
            parameter sigma : sigma > 1
            parameter k : k > sigma - 1
            parameter f : f > 0
            parameter fE : fE > 0
            variable a : 0 < a <= 1
            """ + regimes;
        var clock = Stopwatch.StartNew();
        var derived = ModelDeriver.Derive(ModelLoader.LoadText(text, "many.model"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)));
        Assert.That(derived.Regimes.All(r => r.Phases[0].Find("aD")!.Kind == FormKind.Closed), Is.True);
    }
}
