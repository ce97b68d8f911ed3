using Verify.Symbolic.Core;

namespace Verify.Symbolic.Numbers;

/// <summary>
/// An expression prepared for enclosing over many boxes: its distinct subexpressions in an
/// order where each comes after its parts, each computed once per box (a repeated
/// phi^(rho/(sigma - 1)) is enclosed once), with no tree walk. The enclosure is the one
/// <see cref="IntervalEvaluator.Evaluate"/> gives; calls and integrals are handed to it whole.
/// </summary>
public sealed class IntervalProgram
{
    enum Op { Constant, Variable, Sum, Product, Power, Log, Exp, Whole }

    readonly record struct Step(Op Op, int[] Args, Interval Constant, Symbol? Variable, Expr? Whole);

    readonly Step[] _steps;
    readonly IntervalFunctionTable? _functions;

    IntervalProgram(Step[] steps, IntervalFunctionTable? functions) { _steps = steps; _functions = functions; }

    public static IntervalProgram Compile(Expr e, IntervalFunctionTable? functions = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var steps = new List<Step>();
        var index = new Dictionary<Expr, int>();
        int Emit(Expr x)
        {
            if (index.TryGetValue(x, out var known)) return known;
            var step = x switch
            {
                Number n => new Step(Op.Constant, [], Interval.Enclosing(n.Value), null, null),
                Symbol s => new Step(Op.Variable, [], default, s, null),
                Sum s => new Step(Op.Sum, s.Terms.Select(Emit).ToArray(), default, null, null),
                Product p => new Step(Op.Product, p.Factors.Select(Emit).ToArray(), default, null, null),
                Power pw => new Step(Op.Power, [Emit(pw.Base), Emit(pw.Exponent)], default, null, null),
                Log l => new Step(Op.Log, [Emit(l.Argument)], default, null, null),
                Exponential ex => new Step(Op.Exp, [Emit(ex.Argument)], default, null, null),
                _ => new Step(Op.Whole, [], default, null, x),   // calls and integrals: bound variables, function tables
            };
            steps.Add(step);
            return index[x] = steps.Count - 1;
        }
        Emit(e);
        return new IntervalProgram([.. steps], functions);
    }

    /// <summary>The enclosure over the box (an interval for each free symbol).</summary>
    public Interval Evaluate(IReadOnlyDictionary<Symbol, Interval> box)
    {
        var values = new Interval[_steps.Length];
        for (int i = 0; i < _steps.Length; i++)
        {
            var s = _steps[i];
            values[i] = s.Op switch
            {
                Op.Constant => s.Constant,
                Op.Variable => box.TryGetValue(s.Variable!, out var v) ? v : throw new EvaluationException($"no interval given for symbol '{s.Variable!.Name}'"),
                Op.Sum => Fold(values, s.Args, new Interval(0), static (a, b) => a + b),
                Op.Product => Fold(values, s.Args, new Interval(1), static (a, b) => a * b),
                Op.Power => Interval.Pow(values[s.Args[0]], values[s.Args[1]]),
                Op.Log => Interval.Log(values[s.Args[0]]),
                Op.Exp => Interval.Exp(values[s.Args[0]]),
                _ => IntervalEvaluator.Evaluate(s.Whole!, box, _functions),
            };
        }
        return values[^1];
    }

    static Interval Fold(Interval[] values, int[] args, Interval start, Func<Interval, Interval, Interval> op)
    {
        var total = start;
        foreach (var a in args) total = op(total, values[a]);
        return total;
    }
}
