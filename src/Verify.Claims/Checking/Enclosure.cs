using Verify.Derivation.Evaluation;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Claims.Checking;

/// <summary>
/// An interval that certainly holds the exact value of an expression at a point: the expression in
/// the phases that hold there, evaluated in interval arithmetic with outward rounding. Used to tell a
/// true violation from rounding noise; null for expressions with implicit quantities (no interval form).
/// </summary>
static class Enclosure
{
    public static Interval? Of(QuantityExpression q, double[] inputs) => Of(q.InPhases(q.PhasesAt(inputs)), q.Inputs, inputs);

    public static Interval? Of(Expr e, IReadOnlyList<Symbol> symbols, double[] inputs)
    {
        var box = new Dictionary<Symbol, Interval>();
        for (int i = 0; i < symbols.Count; i++)
            if (!double.IsNaN(inputs[i])) box[symbols[i]] = new Interval(inputs[i]);
        try { return IntervalEvaluator.Evaluate(e, box); }
        catch (EvaluationException) { return null; }
    }
}
