using Verify.Derivation.Evaluation;

namespace Verify.Reports.Figures;

/// <summary>
/// Values of expressions over a regime along one input (phi, sE, a, ...), the others held at a
/// point. A point where the model cannot be evaluated (no phase holds, a root not found, a name
/// undefined in the phase that holds) or the value is not finite is left out, not an error.
/// </summary>
public sealed class Sweep(ModelEvaluator evaluator)
{
    public ModelEvaluator Evaluator => evaluator;

    /// <summary>count points evenly spaced from lo to hi.</summary>
    public static IReadOnlyList<double> Grid(double lo, double hi, int count) =>
        Enumerable.Range(0, count).Select(i => lo + (hi - lo) * i / (count - 1)).ToList();

    public QuantityExpression Expression(string regime, string text)
    {
        var model = evaluator.Derivation.Context.Model;
        var parsed = ExpressionScope.Parse(model, regime, text);
        return new QuantityExpression(evaluator, regime, parsed.Expr, parsed.Aliases);
    }

    /// <summary>The expression along xs; <paramref name="inputsAt"/> gives the input vector at x (null: outside the domain).</summary>
    public static IReadOnlyList<(double X, double Y)> Along(QuantityExpression q, IEnumerable<double> xs, Func<double, double[]?> inputsAt)
    {
        var points = new List<(double, double)>();
        foreach (var x in xs)
        {
            if (At(q, inputsAt(x)) is { } y) points.Add((x, y));
        }
        return points;
    }

    /// <summary>The value at the inputs, or null where it cannot be had.</summary>
    public static double? At(QuantityExpression q, double[]? inputs)
    {
        if (inputs is null) return null;
        try
        {
            var y = q.Evaluate(inputs);
            return double.IsFinite(y) ? y : null;
        }
        catch (Exception e) when (e is NumericFailure or ArgumentException or ArithmeticException or KeyNotFoundException
            or Verify.Symbolic.Numbers.EvaluationException or Verify.Symbolic.Calculus.DifferentiationException)
        {
            return null;
        }
    }

    /// <summary>The input vector of the named values, with one of them replaced.</summary>
    public double[]? Inputs(IReadOnlyDictionary<string, double> point, string name, double value)
    {
        var values = new Dictionary<string, double>(point) { [name] = value };
        try { return evaluator.InputVector(values); }
        catch (ArgumentException) { return null; }
    }
}
