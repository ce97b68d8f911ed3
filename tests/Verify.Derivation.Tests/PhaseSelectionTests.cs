using NUnit.Framework;
using Verify.Derivation.Evaluation;
using Verify.Derivation.Tests.Support;

namespace Verify.Derivation.Tests;

/// <summary>
/// Phase selection computes only the phases' validity relations, and expressions skip the outputs
/// they do not need. Against the way it was done before (each phase's every output and relation in
/// one delegate, the first phase whose relations hold), at random admissible points: the same
/// phase, every output of it and each expression bit for bit the same. The evaluator under test is
/// shared by all draws and asked twice per point (its caches in play); the reference is another.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class PhaseSelectionTests
{
    const int Draws = 300;
    const ulong Seed = 2014_1207UL;

    [TestCase("autarky", "aD")]
    [TestCase("entry", "aD", "abarS", "diff(abarS, phi)")]
    [TestCase("onset", "aD")]
    [TestCase("relocation", "aR", "aX")]
    [TestCase("relocation-entry", "aD", "diff(abarS, phi)")]
    public void SameValuesAndPhaseAsEvaluatingEveryOutput(string regime, params string[] expressions)
    {
        var tested = new ModelEvaluator(Support.Bundled.Derivation);
        var reference = new ModelEvaluator(Support.Bundled.Derivation);
        var (testedQ, referenceQ) = (BundledPoints.Quantities(tested, regime, expressions), BundledPoints.Quantities(reference, regime, expressions));
        int compared = 0, skipped = 0;
        var phasesSeen = new HashSet<string>();

        bool Agrees((CrossCheckPoint Point, double A) draw)
        {
            var inputs = tested.InputVector(draw.Point.ByName(), draw.A);
            var (phase, outputs) = EveryOutputFirstHolding(reference.Regime(regime), inputs);
            if (phase < 0) { skipped++; return true; }   // no phase could be evaluated the old way either
            for (int round = 0; round < 2; round++)
            {
                var point = tested.Regime(regime).Evaluate(inputs);
                if (point.PhaseKey != reference.Regime(regime).Phases[phase].Phase.Key)
                    throw new AssertionException($"{draw}: phase {point.PhaseKey}, before {reference.Regime(regime).Phases[phase].Phase.Key}");
                var names = reference.Regime(regime).Phases[phase].Outputs;
                for (int k = 0; k < names.Count; k++)
                    if (!Identical(point[names[k].Name], outputs[k]))
                        throw new AssertionException($"{draw}: {names[k].Name} = {point[names[k].Name]:R}, before {outputs[k]:R}");
                for (int q = 0; q < testedQ.Length; q++)
                {
                    double now, before;
                    try { before = referenceQ[q].EvaluateInPhases([phase], inputs); }
                    catch (UndefinedInPhase) { continue; }   // not a name of this phase (a corner)
                    now = testedQ[q].Evaluate(inputs);
                    if (!Identical(now, before))
                        throw new AssertionException($"{draw}: {expressions[q]} = {now:R}, before {before:R}");
                }
            }
            phasesSeen.Add(reference.Regime(regime).Phases[phase].Phase.Key);
            compared++;
            return true;
        }

        CrossCheckRunner.Check(BundledPoints.WithCost, Agrees, Seed, Draws, $"phase selection in {regime}");
        TestContext.Out.WriteLine($"{compared} points compared, {skipped} where no phase could be evaluated; phases met: {string.Join(", ", phasesSeen)}");
        Assert.That(compared, Is.GreaterThanOrEqualTo(Draws * 9 / 10));
    }

    /// <summary>The selection as it was: every output and relation of each phase in turn, the first whose relations hold.</summary>
    static (int Phase, double[] Outputs) EveryOutputFirstHolding(RegimeEvaluator regime, double[] inputs)
    {
        try
        {
            for (int i = 0; i < regime.Phases.Count; i++)
            {
                var outputs = new double[regime.Phases[i].Outputs.Count];
                if (regime.Phases[i].TryEvaluate(inputs, outputs)) return (i, outputs);
            }
        }
        catch (Symbolic.Numbers.EvaluationException) { }
        catch (NumericFailure) { }
        return (-1, []);
    }

    // Bit for bit: NaN equals NaN, and 0.0 differs from -0.0.
    static bool Identical(double a, double b) => BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
}
