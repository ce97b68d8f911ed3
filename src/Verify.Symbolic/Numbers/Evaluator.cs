using Verify.Symbolic.Core;

namespace Verify.Symbolic.Numbers;

/// <summary>
/// Evaluates an expression in double precision by walking the tree. Real semantics: a negative
/// base to a non-integer power, or ln of a non-positive number, is NaN (undefined), never complex.
/// For repeated evaluation compile the expression instead.
/// </summary>
public static class Evaluator
{
    public static double Evaluate(Expr e, IReadOnlyDictionary<Symbol, double> values, FunctionTable? functions = null) =>
        new Walker(values, functions ?? FunctionTable.Empty).Eval(StableForms.Rewrite(e));

    public static double Evaluate(Expr e, params (Symbol Symbol, double Value)[] values) =>
        Evaluate(e, values.ToDictionary(v => v.Symbol, v => v.Value));

    /// <summary>Real power with the conventions of the whole suite.</summary>
    public static double RealPow(double b, double e)
    {
        // A quotient is a power -1 in the tree: 1/b is correctly rounded, and costs a tenth of Math.Pow.
        if (e == -1) return 1 / b;
        if (b < 0 && e != Math.Floor(e)) return double.NaN;
        return Math.Pow(b, e);
    }

    /// <summary>Relative accuracy (against ∫|f|) asked of every quadrature.</summary>
    public const double QuadratureTolerance = 1e-14;

    /// <summary>An error estimate beyond this fraction of ∫|f| means the integral diverges (or cannot be computed): undefined.</summary>
    public const double QuadratureGrossError = 1e-6;

    /// <summary>
    /// ∫ f over [lo, hi] by <see cref="TanhSinhQuadrature"/>, which keeps integrable endpoint
    /// singularities such as a^(-0.71) at full accuracy; NaN when the integral does not converge.
    /// </summary>
    public static double Quadrature(Func<double, double> f, double lo, double hi)
    {
        var result = TanhSinhQuadrature.Integrate(f, lo, hi, QuadratureTolerance);
        return result.Converged(QuadratureGrossError) ? result.Value : double.NaN;
    }

    sealed class Walker(IReadOnlyDictionary<Symbol, double> values, FunctionTable functions)
    {
        readonly Dictionary<Symbol, double> _bound = [];

        public double Eval(Expr e)
        {
            StackGuard.Ensure();
            switch (e)
            {
                case Number n: return n.Value.ToDouble();
                case Symbol s:
                    if (_bound.TryGetValue(s, out var b)) return b;
                    if (values.TryGetValue(s, out var v)) return v;
                    throw new EvaluationException($"no value given for symbol '{s.Name}'");
                case Sum sum:
                    var total = 0.0;
                    foreach (var t in sum.Terms) total += Eval(t);
                    return total;
                case Product p:
                    var prod = 1.0;
                    foreach (var f in p.Factors) prod *= Eval(f);
                    return prod;
                case Power pw: return RealPow(Eval(pw.Base), Eval(pw.Exponent));
                case Log l: var x = Eval(l.Argument); return x < 0 ? double.NaN : Math.Log(x);
                case Exponential ex: return Math.Exp(Eval(ex.Argument));
                case Call c:
                    if (!FunctionTable.TryBuiltIn(c, out var fn) && !functions.TryGet(c, out fn))
                        throw new EvaluationException($"no numeric meaning for function '{FunctionTable.Key(c)}'");
                    return fn(c.Arguments.Select(Eval).ToArray());
                case Integral i:
                    var lo = Eval(i.Lower); var hi = Eval(i.Upper);
                    var had = _bound.TryGetValue(i.Variable, out var outer);
                    try
                    {
                        return Quadrature(t => { _bound[i.Variable] = t; return Eval(i.Body); }, lo, hi);
                    }
                    finally { if (had) _bound[i.Variable] = outer; else _bound.Remove(i.Variable); }
                default: throw new NotSupportedException(e.GetType().Name);
            }
        }
    }
}
