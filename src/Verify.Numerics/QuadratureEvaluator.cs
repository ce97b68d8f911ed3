using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Numerics;

/// <summary>
/// Evaluates one expression at given values with its integrals by <see cref="TanhSinhQuadrature"/>
/// (accurate at endpoint singularities), for quantities defined on a solved equilibrium. It
/// compiles on every call: for repeated evaluation, put the expression in a <see cref="RawSystem"/>.
/// </summary>
public static class QuadratureEvaluator
{
    /// <summary>
    /// The value, or NaN when the expression is undefined there (an integral that does not
    /// converge, say). A symbol without a value is a caller's mistake: an <see cref="EvaluationException"/>.
    /// </summary>
    public static double Evaluate(Expr e, IReadOnlyDictionary<Symbol, double> values, FunctionTable? functions = null)
    {
        var frame = values.Keys.ToArray();
        var frameValues = frame.Select(s => values[s]).ToArray();
        var integralValues = new Dictionary<Expr, Expr>();
        var all = new Dictionary<Symbol, double>(values);
        int k = 0;
        foreach (var integral in OutermostIntegrals(e))
        {
            if (integralValues.ContainsKey(integral)) continue;
            var value = new CachedIntegral(integral, frame, functions, Residuals.QuadratureTolerance).Value(frameValues);
            if (!double.IsFinite(value)) return double.NaN;
            var placeholder = Expr.Sym($"∫#{k++}");
            integralValues[integral] = placeholder;
            all[placeholder] = value;
        }
        return Evaluator.Evaluate(e.Substitute(integralValues), all, functions);
    }

    static IEnumerable<Integral> OutermostIntegrals(Expr e)
    {
        if (e is Integral i) { yield return i; yield break; }
        foreach (var child in e.Children)
            foreach (var inner in OutermostIntegrals(child)) yield return inner;
    }
}
