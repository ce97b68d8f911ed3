using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Proofs;

/// <summary>
/// Looks for a counterexample at a box's centre. A compiled double-precision evaluation is
/// the cheap filter; a point is reported only when interval evaluation at that exact point
/// confirms both that it meets every constraint and that f breaks the goal there (or is
/// undefined there: the claim needs f to have a sign at every point of the domain). Rounding
/// thus never turns a true claim into a false counterexample.
/// </summary>
internal sealed class CentreProbe
{
    readonly Expr _f;
    readonly SignGoal _goal;
    readonly IReadOnlyList<Symbol> _symbols;
    readonly IReadOnlyList<DomainConstraint> _constraints;
    readonly IntervalFunctionTable? _intervalFunctions;
    // Null when the point functions are not all known; then every centre is checked by intervals.
    readonly Func<double[], double>? _fAt;
    readonly Func<double[], double>[]? _constraintsAt;

    public CentreProbe(Expr f, SignGoal goal, IReadOnlyList<Symbol> symbols, IReadOnlyList<DomainConstraint> constraints,
        FunctionTable? functions, IntervalFunctionTable? intervalFunctions)
    {
        _f = f; _goal = goal; _symbols = symbols; _constraints = constraints; _intervalFunctions = intervalFunctions;
        try
        {
            _fAt = Compiler.Compile(f, symbols, functions);
            _constraintsAt = constraints.Select(c => Compiler.Compile(c.Expression, symbols, functions)).ToArray();
        }
        catch (EvaluationException)
        {
            _fAt = null; _constraintsAt = null;
        }
    }

    /// <summary>True, with the point and f's double value there, when the centre refutes the goal.</summary>
    public bool TryRefute(SearchBox box, out double[] centre, out double value)
    {
        centre = box.Centre();
        value = double.NaN;
        if (_fAt is not null)
        {
            value = _fAt(centre);
            if (!_goal.MayBeViolatedBy(value)) return false;
            for (int j = 0; j < _constraints.Count; j++)
            {
                var g = _constraintsAt![j](centre);
                if (double.IsNaN(g) || (_constraints[j].Strict ? g <= 0 : g < 0)) return false;
            }
        }

        var point = new Dictionary<Symbol, Interval>(_symbols.Count);
        for (int i = 0; i < _symbols.Count; i++) point[_symbols[i]] = new Interval(centre[i]);
        foreach (var c in _constraints)
            if (!c.HoldsThroughout(IntervalEvaluator.Evaluate(c.Expression, point, _intervalFunctions))) return false;
        var enclosure = IntervalEvaluator.Evaluate(_f, point, _intervalFunctions);
        var undefinedHere = enclosure.IsEmpty && enclosure.MayBeUndefined;
        if (!_goal.IsViolatedBy(enclosure) && !undefinedHere) return false;
        if (_fAt is null) value = undefinedHere ? double.NaN : enclosure.Midpoint;
        return true;
    }
}
