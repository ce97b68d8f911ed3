using NUnit.Framework;
using Verify.Derivation.Evaluation;
using Verify.Derivation.Tests.Support;

namespace Verify.Derivation.Tests;

/// <summary>
/// A batch of expressions evaluated together gives, at random admissible points, each value bit for
/// bit as the expression evaluated alone, and the phase the regime's own selection finds; and it
/// falls back to evaluating each alone only where that fails too, bar a few points. Each point is
/// asked twice and then again with phi moved alone, so the kept values of unchanged inputs are in play.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class QuantityBatchTests
{
    const int Draws = 200;
    const ulong Seed = 2026_1207UL;

    [TestCase("entry", "aD", "abarS", "diff(abarS, phi)")]
    [TestCase("entry", "abarN", "Wstar", "diff(sn, phi)", "gain")]
    [TestCase("relocation", "aR", "aX", "diff(abarS, phi)")]
    [TestCase("relocation-entry", "aD", "diff(abarS, phi)", "abarS - abarS@entry", "phiS")]
    public void EachValueIsTheOneEvaluatedAlone(string regime, params string[] expressions)
    {
        var batchEvaluator = new ModelEvaluator(Support.Bundled.Derivation);
        var aloneEvaluator = new ModelEvaluator(Support.Bundled.Derivation);
        var batch = new QuantityBatch(BundledPoints.Quantities(batchEvaluator, regime, expressions), batchEvaluator);
        var alone = BundledPoints.Quantities(aloneEvaluator, regime, expressions);
        var values = new double[expressions.Length];
        int plain = 0, asked = 0, unexplained = 0;
        var phasesSeen = new HashSet<string>();

        void Compare(double[] inputs, string where)
        {
            asked++;
            if (!batch.TryEvaluate(inputs, values))
            {
                // A fallback is expected where evaluating alone fails too (a name undefined in the
                // phase that holds, no phase holding); anywhere else it only costs time, and must be rare.
                try { foreach (var q in alone) q.Evaluate(inputs); unexplained++; }
                catch (NumericFailure) { }
                return;
            }
            plain++;
            for (int q = 0; q < alone.Length; q++)
            {
                var expected = alone[q].Evaluate(inputs);
                if (BitConverter.DoubleToInt64Bits(values[q]) != BitConverter.DoubleToInt64Bits(expected))
                    throw new AssertionException($"{where}: {expressions[q]} = {values[q]:R} in the batch, {expected:R} alone");
            }
            for (int r = 0; r < batch.Regimes.Count; r++)
            {
                var selection = aloneEvaluator.Regime(batch.Regimes[r]);
                var key = selection.Phases[selection.Select(inputs)].Phase.Key;
                if (batch.PhaseKey(r) != key)
                    throw new AssertionException($"{where}: phase {batch.PhaseKey(r)} of {batch.Regimes[r]} in the batch, {key} alone");
                phasesSeen.Add(key);
            }
        }

        bool Agrees((CrossCheckPoint Point, double A) draw)
        {
            var inputs = batchEvaluator.InputVector(draw.Point.ByName(), draw.A);
            Compare(inputs, draw.ToString());
            Compare(inputs, $"{draw}, again");
            var phi = batchEvaluator.Inputs.ToList().FindIndex(s => s.Name == "phi");
            inputs[phi] *= 0.97;
            Compare(inputs, $"{draw}, phi x 0.97");
            return true;
        }

        CrossCheckRunner.Check(BundledPoints.WithCost, Agrees, Seed, Draws, $"batch in {regime}");
        TestContext.Out.WriteLine($"{plain} of {asked} evaluations on the plain path, {unexplained} fell back where each alone succeeds; phases met: {string.Join(", ", phasesSeen)}");
        Assert.That(plain, Is.GreaterThanOrEqualTo(asked / 2), "too few evaluations on the plain path for the comparison to say much");
        Assert.That(unexplained, Is.LessThanOrEqualTo(asked / 20), "the batch should rarely fall back where nothing fails");
    }
}
