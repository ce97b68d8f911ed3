using NUnit.Framework;
using Verify.Derivation.Evaluation;
using Verify.Derivation.Persistence;
using Verify.Model.Language;

namespace Verify.Derivation.Tests.Persistence;

/// <summary>
/// A stored derivation read back is the derivation: the same trees, steps and thresholds, and the
/// same numbers to the last bit at every point tried, including implicit roots and derivatives.
/// </summary>
public class StoredDerivationTests
{
    static readonly Lazy<(ModelDocument Model, ModelDerivation Fresh, ModelDerivation Stored)> Bundled = new(() =>
    {
        var (model, fresh) = (Support.Bundled.Model, Support.Bundled.Derivation);
        return (model, fresh, RoundTrip(model, fresh));
    });

    static ModelDerivation RoundTrip(ModelDocument model, ModelDerivation derivation)
    {
        var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true)) DerivationWriter.Write(derivation, writer);
        bytes.Position = 0;
        using var reader = new BinaryReader(bytes);
        return DerivationReader.Read(model, reader);
    }

    [Test]
    public void Every_form_step_and_threshold_is_read_back_unchanged()
    {
        var (_, fresh, stored) = Bundled.Value;
        Assert.That(stored.Regimes.Select(r => r.Regime.Name), Is.EqualTo(fresh.Regimes.Select(r => r.Regime.Name)));
        foreach (var (a, b) in fresh.Regimes.Zip(stored.Regimes))
        {
            foreach (var (p, q) in a.Phases.Zip(b.Phases, (p, q) => (p, q)))
            {
                Assert.That(q.Key, Is.EqualTo(p.Key));
                Assert.That(q.Values.Keys, Is.EqualTo(p.Values.Keys), p.Key);
                foreach (var (s, v) in p.Values) Assert.That(q.Values[s], Is.EqualTo(v), $"{p.Key}: {s.Name}");
                Assert.That(q.Steps.Select(x => x.ToString()), Is.EqualTo(p.Steps.Select(x => x.ToString())), p.Key);
                Assert.That(q.Conditions, Is.EqualTo(p.Conditions), p.Key);
                Assert.That(q.Checks, Is.EqualTo(p.Checks), p.Key);
                Assert.That(q.When, Is.EqualTo(p.When), p.Key);
                Assert.That(q.ImplicitUnknowns.Select(u => (u.FunctionName, u.Residual, u.Block)),
                    Is.EqualTo(p.ImplicitUnknowns.Select(u => (u.FunctionName, u.Residual, u.Block))), p.Key);
            }
            Assert.That(b.Thresholds.Select(t => (t.PhaseKey, t.Value, t.Kind, t.Failure)),
                Is.EqualTo(a.Thresholds.Select(t => (t.PhaseKey, t.Value, t.Kind, t.Failure))), a.Regime.Name);
        }
    }

    [TestCase("autarky", "aD")]
    [TestCase("entry", "diff(abarS, phi)")]
    [TestCase("relocation", "aX")]
    [TestCase("relocation", "diff(abarS, phi)")]
    [TestCase("relocation-entry", "diff(abarS, phi)")]
    [TestCase("relocation-entry", "Wstar - Wstar@entry")]
    [TestCase("relocation-entry", "phiS")]
    public void Values_are_bit_identical(string regime, string text)
    {
        var (model, fresh, stored) = Bundled.Value;
        var parsed = ExpressionScope.Parse(model, regime, text);
        var a = new ModelEvaluator(fresh);
        var b = new ModelEvaluator(stored);
        var qa = new QuantityExpression(a, regime, parsed.Expr, parsed.Aliases);
        var qb = new QuantityExpression(b, regime, parsed.Expr, parsed.Aliases);
        int compared = 0;
        // A fixed sweep over phi and sE across the phases (sE = 0.6: phiP = 2/3).
        foreach (var sE in new[] { 0.55, 0.6, 0.75 })
            for (double phi = 0.05; phi < 1; phi += 0.1)
            {
                var point = new Dictionary<string, double> { ["sigma"] = 3, ["rho"] = 4, ["sE"] = sE, ["phi"] = phi, ["f"] = 1, ["fI"] = 0.5 };
                var inputs = a.InputVector(point);
                double x, y;
                try { x = qa.Evaluate(inputs); }
                catch (NumericFailure) { Assert.Throws(Is.InstanceOf<NumericFailure>(), () => qb.Evaluate(inputs)); continue; }
                y = qb.Evaluate(inputs);
                Assert.That(BitConverter.DoubleToInt64Bits(y), Is.EqualTo(BitConverter.DoubleToInt64Bits(x)), $"{text} at sE={sE}, phi={phi}: {x:R} vs {y:R}");
                compared++;
            }
        Assert.That(compared, Is.GreaterThan(10));
    }
}
