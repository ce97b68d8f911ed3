using NUnit.Framework;
using Verify.Derivation.Evaluation;
using Verify.Model.Language;

namespace Verify.Derivation.Tests;

/// <summary>A threshold found numerically is searched once per point and shared through its store, failures included.</summary>
public class ThresholdValuesTests
{
    const string Model = """
        model near-the-end
        parameter p : 0 < p < 1
        parameter q : 0 < q < 1
        regime r
          unknown x : -1 < x < 1
          condition rise : x + exp(x) = 1 + p
          phase low when x <= p/4 + q/10000
            quantity y = x
          end
          phase high
            quantity y = x
          end
          threshold pT : x = p/4 + q/10000 for p in low
        end
        """;

    [Test]
    public void EvaluatorsSharingAStoreSearchEachPointOnce()
    {
        var model = ModelLoader.LoadText(Model, "near-the-end.model");
        var store = new ThresholdValues();
        double ValueWith(ThresholdValues values, double p, double q)
        {
            var evaluator = new ModelEvaluator(ModelDeriver.Derive(model)) { ThresholdValues = values };
            var pT = new QuantityExpression(evaluator, "r", ExpressionScope.Parse(model, "r", "pT").Expr);
            return pT.Evaluate(evaluator.InputVector(new Dictionary<string, double> { ["p"] = p, ["q"] = q }));
        }
        var searched = ValueWith(store, 0.5, 1);
        Assert.That(searched, Is.EqualTo(ValueWith(new ThresholdValues(), 0.2, 1)), "a function of the other inputs only");
        Assert.That(ValueWith(store, 0.9, 1), Is.EqualTo(searched), "the store's value, found by another evaluator");

        // The store answers for its point: a value planted there is what an evaluator sharing it reports.
        var planted = new ThresholdValues();
        var evaluator = new ModelEvaluator(ModelDeriver.Derive(model));
        var key = ThresholdValues.Key("pT_r_numeric", evaluator.InputVector(new Dictionary<string, double> { ["p"] = 0.5, ["q"] = 0.5 }), 0);
        planted.Add(key, 0.125, null);
        Assert.That(ValueWith(planted, 0.3, 0.5), Is.EqualTo(0.125));
        planted.Add(ThresholdValues.Key("pT_r_numeric", evaluator.InputVector(new Dictionary<string, double> { ["p"] = 0.5, ["q"] = 0.25 }), 0), double.NaN, "met nowhere here");
        Assert.That(() => ValueWith(planted, 0.3, 0.25), Throws.InstanceOf<NumericFailure>().With.Message.EqualTo("met nowhere here"));
    }
}
