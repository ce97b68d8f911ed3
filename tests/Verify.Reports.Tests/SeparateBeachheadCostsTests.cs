using NUnit.Framework;
using Verify.Derivation;
using Verify.Derivation.Evaluation;
using Verify.Model.Language;
using Verify.Reports.Figures;
using Verify.Cli.Tests.Support;
using Verify.Reports.Tests.Support;

namespace Verify.Reports.Tests;

/// <summary>
/// The worked example of verify compare: the footnote-4 variant (separate local and export
/// beachhead costs, fX = kX*fD) against the committed baseline. Its output is pinned, and the
/// economics it shows is checked by evaluation: the partition point does not move, the sustain
/// point does, by kX^(1 - 1/beta), and the export cut-off relative to the domestic one is scaled by
/// kX^(-1/(sigma - 1)). With kX = 1 the variant is the paper's model again.
/// </summary>
public class SeparateBeachheadCostsTests
{
    static readonly Lazy<ModelEvaluator> Variant = new(() => new ModelEvaluator(ModelDeriver.Derive(ModelLoader.Load(Repository.Variant))));
    static readonly Lazy<ModelEvaluator> Paper = new(() => new ModelEvaluator(Bundled.Derivation));

    static readonly Dictionary<string, double> At = new() { ["sigma"] = 3, ["rho"] = 4, ["sE"] = 0.6, ["phi"] = 0.5, ["fI"] = 0.2 };

    static double Variant_(string regime, string expression, double kX) =>
        Value(Variant.Value, regime, expression, new(At) { ["fD"] = 1, ["kX"] = kX });

    static double Paper_(string regime, string expression) => Value(Paper.Value, regime, expression, new(At) { ["f"] = 1 });

    static double Value(ModelEvaluator model, string regime, string expression, Dictionary<string, double> point)
    {
        var sweep = new Sweep(model);
        return Sweep.At(sweep.Expression(regime, expression), model.InputVector(point)) ?? double.NaN;
    }

    [Test]
    public void The_comparison_is_as_pinned()
    {
        var pinned = File.ReadAllText(Path.Combine(Repository.Root, "tests", "Verify.Reports.Tests", "Pinned", "separate-beachhead-costs.compare.txt")).Replace("\r\n", "\n");
        var (exit, output) = CommandLine.Run("compare", "--baseline", Repository.Proofs, "--model", Repository.Variant, "--derivations-only");
        Assert.That(exit, Is.EqualTo(1), "the variant changes the derivations");
        Assert.That(TextDiff.FirstDifference(pinned, output), Is.Null,
            "the pinned comparison changed; if that is intended, write the new output of "
            + "'verify compare --baseline proofs/ --model src/Models/variants/separate-beachhead-costs.model --derivations-only' "
            + "to tests/Verify.Reports.Tests/Pinned/separate-beachhead-costs.compare.txt");
        Assert.That(output, Does.Not.Contain(" phiP:"), "the partition point is not among the changes");
        Assert.That(output, Does.Contain("relocation phiS: form changed").And.Contain("relocation-entry phiS: form changed"));
    }

    [Test]
    public void The_partition_point_stays_and_the_sustain_point_rises_by_kX_to_the_power_one_minus_one_over_beta()
    {
        const double kX = 2, beta = 2;   // beta = rho/(sigma - 1) at the point
        foreach (var regime in new[] { "relocation", "relocation-entry" })
        {
            Assert.That(Variant_(regime, "phiP", kX), Is.EqualTo(Paper_(regime, "phiP")).Within(1e-12), regime);
            Assert.That(Variant_(regime, "phiS", kX), Is.EqualTo(Paper_(regime, "phiS") * Math.Pow(kX, 1 - 1 / beta)).Within(1e-12), regime);
        }
    }

    [Test]
    public void Exporters_are_fewer_relative_to_producers_by_kX_to_the_power_minus_one_over_sigma_minus_one()
    {
        const double kX = 2, sigma = 3;
        var ratio = Variant_("entry", "aX/aD", kX);
        Assert.That(ratio, Is.EqualTo(Paper_("entry", "aX/aD") * Math.Pow(kX, -1 / (sigma - 1))).Within(1e-12));
        Assert.That(ratio, Is.EqualTo(Math.Pow(0.5 / kX, 1 / (sigma - 1))).Within(1e-12), "aX/aD = (phi*fD/fX)^(1/(sigma - 1))");
    }

    [Test]
    public void With_equal_costs_the_variant_is_the_papers_model()
    {
        foreach (var (regime, name) in new[] { ("entry", "aD"), ("entry", "aX"), ("entry", "Wstar"), ("relocation", "aR"), ("relocation-entry", "abarS"), ("relocation-entry", "phiS") })
            Assert.That(Variant_(regime, name, 1), Is.EqualTo(Paper_(regime, name)).Within(1e-9 * Math.Max(1, Math.Abs(Paper_(regime, name)))), $"{name} in {regime}");
    }
}
