using Verify.Derivation.Evaluation;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Claims.Checking;

/// <summary>
/// A relation L op R between expressions over a regime's names, compiled for evaluation at
/// many points. Comparisons use a relative tolerance so that rounding at an exact equality or a
/// boundary is not mistaken for a violation: a strict inequality fails only when the wrong side
/// wins by more than the tolerance.
/// </summary>
public sealed class RelationCheck
{
    public Relation Relation { get; }
    public QuantityExpression Left { get; }
    public QuantityExpression Right { get; }
    public const double Tolerance = 1e-9;

    readonly QuantityExpression _leftSize, _rightSize;

    RelationCheck(Relation relation, QuantityExpression left, QuantityExpression right, QuantityExpression leftSize, QuantityExpression rightSize)
    {
        Relation = relation; Left = left; Right = right; _leftSize = leftSize; _rightSize = rightSize;
    }

    public static RelationCheck Create(ModelEvaluator model, string regime, ExpressionScope.ParsedRelation parsed, IReadOnlyDictionary<Expr, Expr> reparametrise)
    {
        var r = parsed.Relation;
        QuantityExpression Side(Expr e, bool size) => new(model, regime, e, parsed.Aliases, reparametrise) { Magnitude = size };
        return new RelationCheck(r, Side(r.Left, false), Side(r.Right, false), Side(r.Left, true), Side(r.Right, true));
    }

    /// <summary>
    /// The rounding allowance at the inputs: relative to the largest of the sides and of the terms
    /// they are sums of (a difference of two numbers near 1e16 is only known to about 1).
    /// Computed only when a comparison is close, since it costs a second evaluation.
    /// </summary>
    double Allowance(double[] inputs, double left, double right)
    {
        var size = Math.Max(1, Math.Max(Math.Abs(left), Math.Abs(right)));
        var terms = Math.Max(_leftSize.Evaluate(inputs), _rightSize.Evaluate(inputs));
        return Tolerance * (double.IsFinite(terms) ? Math.Max(size, terms) : size);
    }

    /// <summary>The two sides at the inputs (NumericFailure propagates).</summary>
    public (double Left, double Right) Sides(double[] inputs) => (Left.Evaluate(inputs), Right.Evaluate(inputs));

    /// <summary>Whether the relation holds at the inputs, up to the tolerance; NaN sides count as a failure to evaluate.</summary>
    public bool Holds(double[] inputs, out double left, out double right)
    {
        (left, right) = Sides(inputs);
        if (!double.IsFinite(left) || !double.IsFinite(right))
            throw new NumericFailure($"{Relation} is not finite here ({left}, {right})");
        var scale = Tolerance * Math.Max(1, Math.Max(Math.Abs(left), Math.Abs(right)));
        if (Within(left, right, scale) || Within(left, right, Allowance(inputs, left, right))) return true;
        // An apparent violation counts only if interval arithmetic, which bounds every rounding
        // error, confirms it; where the enclosure cannot tell, the point cannot decide the claim.
        return Certify(inputs) switch
        {
            Certainty.Violated or Certainty.NotApplicable => false,
            _ => throw new NumericFailure($"{Relation} cannot be decided in double precision here (the interval enclosure of its sides overlaps)"),
        };
    }

    public enum Certainty { Violated, Undecided, NotApplicable }

    /// <summary>Whether an interval enclosure of L - R at the exact inputs proves the relation false there.</summary>
    public Certainty Certify(double[] inputs)
    {
        {
            var l = Left.InPhases(Left.PhasesAt(inputs));
            var r = Right.InPhases(Right.PhasesAt(inputs));
            if (Enclosure.Of(Expr.Sub(l, r), Left.Inputs, inputs) is not { } d) return Certainty.NotApplicable;   // an implicit quantity has no interval form
            if (d.MayBeUndefined || d.IsEmpty) return Certainty.Undecided;
            bool violated = Relation.Operator switch
            {
                RelationOperator.Equal => d.Lo > 0 || d.Hi < 0,
                RelationOperator.NotEqual => d.Lo == 0 && d.Hi == 0,
                RelationOperator.Less => d.Lo >= 0,
                RelationOperator.LessOrEqual => d.Lo > 0,
                RelationOperator.Greater => d.Hi <= 0,
                _ => d.Hi < 0,
            };
            return violated ? Certainty.Violated : Certainty.Undecided;
        }
    }

    bool Within(double left, double right, double slack) => Relation.Operator switch
    {
        RelationOperator.Equal => Math.Abs(left - right) <= slack,
        RelationOperator.NotEqual => Math.Abs(left - right) > slack,
        RelationOperator.Less or RelationOperator.LessOrEqual => left - right <= slack,
        _ => right - left <= slack,
    };

    /// <summary>Whether it holds with margin (for witnesses of existence: beyond the tolerance).</summary>
    public bool HoldsClearly(double[] inputs)
    {
        var (left, right) = Sides(inputs);
        if (!double.IsFinite(left) || !double.IsFinite(right)) return false;
        var scale = Tolerance * Math.Max(1, Math.Max(Math.Abs(left), Math.Abs(right)));
        return Relation.Operator switch
        {
            RelationOperator.Less => right - left > scale,
            RelationOperator.Greater => left - right > scale,
            RelationOperator.LessOrEqual => right - left > -scale,
            RelationOperator.GreaterOrEqual => left - right > -scale,
            RelationOperator.Equal => Math.Abs(left - right) <= scale,
            _ => Math.Abs(left - right) > scale,
        };
    }
}
