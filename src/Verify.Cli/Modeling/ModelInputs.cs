using Verify.Derivation.Evaluation;

namespace Verify.Cli.Modeling;

/// <summary>
/// The evaluator's input vector for a checked point. A parameter left out because the names asked
/// about do not use it is NaN: should it be used after all, the value is undefined and says so,
/// never a silent number.
/// </summary>
static class ModelInputs
{
    public static double[] Vector(ModelEvaluator evaluator, IReadOnlyDictionary<string, double> point)
    {
        var full = new Dictionary<string, double>(point, StringComparer.Ordinal);
        foreach (var p in evaluator.Derivation.Context.Model.Parameters) full.TryAdd(p.Symbol.Name, double.NaN);
        return evaluator.InputVector(full);
    }
}
