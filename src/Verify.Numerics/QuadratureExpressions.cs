using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Numerics;

/// <summary>
/// Expressions over a fixed frame of symbols, compiled once into one delegate. Each distinct
/// outermost integral is pulled out and computed by its own <see cref="CachedIntegral"/> (whose
/// integrand is rewritten to stay finite near 0), then handed to the delegate as a value. Used
/// for the sides of a system's conditions and for the quantities of a solved equilibrium. Not
/// safe for concurrent use.
/// </summary>
sealed class QuadratureExpressions
{
    readonly int _frameLength;
    readonly double[] _values;                 // the frame's values, then the integrals' values
    readonly CachedIntegral[] _integrals;
    readonly Action<double[], double[]> _compiled;

    public int Count { get; }

    public QuadratureExpressions(IReadOnlyList<Expr> expressions, IReadOnlyList<Symbol> frame, FunctionTable? functions,
        double tolerance = Evaluator.QuadratureTolerance)
    {
        Count = expressions.Count;
        _frameLength = frame.Count;
        var integrals = DistinctIntegrals(expressions);
        var placeholders = integrals.Select((_, k) => Expr.Sym($"∫#{k}")).ToArray();
        _integrals = integrals.Select(e => new CachedIntegral(e, frame, functions, tolerance)).ToArray();
        var map = integrals.Select((e, k) => ((Expr)e, (Expr)placeholders[k])).ToDictionary(p => p.Item1, p => p.Item2);
        _compiled = CompiledExpression.CompileMany(expressions.Select(e => e.Substitute(map)).ToArray(),
            frame.Concat(placeholders).ToArray(), functions);
        _values = new double[_frameLength + integrals.Count];
    }

    /// <summary>Quadratures actually run (cache misses), for timing reports.</summary>
    public int Quadratures => _integrals.Sum(i => i.Quadratures);

    /// <summary>The largest relative error estimate among the integrals at the last evaluated point.</summary>
    public double LastQuadratureError => _integrals.Length == 0 ? 0 : _integrals.Max(i => i.LastRelativeError);

    /// <summary>
    /// Every expression's value at the frame's values. False when some integral has no value
    /// there; its NaN is still passed on, so expressions that do not use it keep their values.
    /// A function without meaning at the point throws <see cref="EvaluationException"/>.
    /// </summary>
    public bool TryEvaluate(ReadOnlySpan<double> frame, double[] results)
    {
        frame[.._frameLength].CopyTo(_values);
        var defined = true;
        for (int k = 0; k < _integrals.Length; k++)
        {
            var v = _integrals[k].Value(_values);
            defined &= double.IsFinite(v);
            _values[_frameLength + k] = v;
        }
        _compiled(_values, results);
        return defined;
    }

    /// <summary>The outermost integrals, each once, in order of appearance.</summary>
    static List<Integral> DistinctIntegrals(IEnumerable<Expr> expressions)
    {
        var found = new List<Integral>();
        var seen = new HashSet<Expr>();
        foreach (var e in expressions) Walk(e);
        return found;

        void Walk(Expr e)
        {
            if (e is Integral i)
            {
                if (seen.Add(i)) found.Add(i);
                return;
            }
            foreach (var child in e.Children) Walk(child);
        }
    }
}
