using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Numerics;

/// <summary>
/// One integral of a system, evaluated by <see cref="TanhSinhQuadrature"/> from the values it
/// depends on. It keeps its last few results: a finite-difference Jacobian moves one unknown at
/// a time, so most integrals see inputs they have already seen and need no new quadrature.
/// </summary>
sealed class CachedIntegral
{
    const int Capacity = 8;
    readonly List<(double[] Key, double Value, double Error)> _recent = new(Capacity);
    readonly int[] _inputs;
    readonly Func<double[], double> _body, _positiveBody, _lower, _upper;
    readonly double[] _buffer;          // the frame, then the integration variable
    readonly double _tolerance;

    public int Quadratures { get; private set; }

    /// <summary>The error estimate of the value returned last, relative to that value.</summary>
    public double LastRelativeError { get; private set; }

    /// <param name="frame">The symbols of the frame the integral is evaluated in, by position; the
    /// arrays passed to <see cref="Value"/> start with their values and may hold more after them.</param>
    public CachedIntegral(Integral integral, IReadOnlyList<Symbol> frame, FunctionTable? functions, double tolerance)
    {
        _tolerance = tolerance;
        var index = frame.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i);
        _inputs = integral.FreeSymbols().Select(s => index[s]).Order().ToArray();
        // A fresh name for the bound variable, so it cannot clash with a frame symbol of the same name.
        var variable = Expr.Sym($"{integral.Variable.Name}#bound", integral.Variable.Sign);
        var parameters = frame.Append(variable).ToArray();
        _body = CompiledExpression.Compile(integral.Body.Substitute(integral.Variable, variable), parameters, functions);
        // Same slot, a positive symbol: used when the whole range is positive (see PositiveIntegrand).
        var positive = Expr.Sym(variable.Name, SymbolSign.Positive);
        var positiveParameters = frame.Append(positive).ToArray();
        _positiveBody = CompiledExpression.Compile(
            PositiveIntegrand.Rewrite(integral.Body, integral.Variable, positive), positiveParameters, functions);
        // The limits take the same buffer (their slot for the variable unused).
        _lower = CompiledExpression.Compile(integral.Lower, parameters, functions);
        _upper = CompiledExpression.Compile(integral.Upper, parameters, functions);
        _buffer = new double[parameters.Length];
    }

    public double Value(double[] frame)
    {
        for (int k = 0; k < _recent.Count; k++)
        {
            if (!Matches(_recent[k].Key, frame)) continue;
            var hit = _recent[k];
            if (k > 0) { _recent.RemoveAt(k); _recent.Insert(0, hit); }
            LastRelativeError = hit.Error;
            return hit.Value;
        }
        var key = new double[_inputs.Length];
        for (int i = 0; i < _inputs.Length; i++) key[i] = frame[_inputs[i]];
        var (value, error) = Integrate(frame);
        Quadratures++;
        if (_recent.Count == Capacity) _recent.RemoveAt(Capacity - 1);
        _recent.Insert(0, (key, value, error));
        LastRelativeError = error;
        return value;
    }

    (double Value, double RelativeError) Integrate(double[] frame)
    {
        var last = _buffer.Length - 1;
        Array.Copy(frame, _buffer, last);   // the frame may carry more values after its own
        _buffer[last] = double.NaN;
        var lo = _lower(_buffer);
        var hi = _upper(_buffer);
        if (!double.IsFinite(lo) || !double.IsFinite(hi)) return (double.NaN, double.PositiveInfinity);
        var body = Math.Min(lo, hi) >= 0 ? _positiveBody : _body;
        var result = TanhSinhQuadrature.Integrate(t => { _buffer[last] = t; return body(_buffer); }, lo, hi, _tolerance);
        // Far from converged means divergent (or not integrable numerically): undefined here.
        if (!result.Converged(Evaluator.QuadratureGrossError)) return (double.NaN, double.PositiveInfinity);
        var relative = result.Value == 0 ? result.ErrorEstimate : result.ErrorEstimate / Math.Abs(result.Value);
        return (result.Value, relative);
    }

    bool Matches(double[] key, double[] frame)
    {
        for (int i = 0; i < _inputs.Length; i++)
            if (key[i] != frame[_inputs[i]]) return false;
        return true;
    }
}
