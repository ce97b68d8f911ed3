using Verify.Derivation.Evaluation;

namespace Verify.Derivation.Dynamics;

/// <summary>
/// A dynamic regime's start from the derived closed forms of its start regime: they reach extreme
/// points (rho near sigma - 1, fI near f/(beta - 1)) where the first-principles solver finds no start.
/// Null where they do not evaluate, and the simulator falls back on that solver.
/// </summary>
public static class DerivedStart
{
    public static Func<IReadOnlyDictionary<string, double>, IReadOnlyDictionary<string, double>?> For(ModelEvaluator model, string startRegime)
    {
        var start = model.Regime(startRegime);
        return parameters =>
        {
            try
            {
                var point = start.Evaluate(model.InputVector(parameters));
                return point.Values.All(v => double.IsFinite(v.Value)) ? point.Values : null;
            }
            catch (NumericFailure) { return null; }
        };
    }
}
