using Verify.Symbolic.Core;

namespace Verify.Symbolic.Numbers;

/// <summary>
/// Encloses the values of an expression over a box (an interval for each free symbol) by
/// interval arithmetic with outward rounding: for every point of the box the value the
/// <see cref="Evaluator"/> computes lies in the result, or the result is flagged
/// <see cref="Interval.MayBeUndefined"/>. Dependent occurrences of a symbol are treated as
/// independent, so the enclosure is valid but may be wide; bisecting the box narrows it.
/// </summary>
public static class IntervalEvaluator
{
    /// <summary>
    /// Relative widening of an integral's enclosure, so that it also holds the quadrature's
    /// own approximation (the double-exponential rule aims at 1e-13).
    /// </summary>
    public const double QuadratureSlack = 1e-10;

    public static Interval Evaluate(Expr e, IReadOnlyDictionary<Symbol, Interval> box, IntervalFunctionTable? functions = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(box);
        return new Walker(box, functions ?? IntervalFunctionTable.Empty).Eval(e);
    }

    /// <summary>Whether the enclosure over the box proves e &gt; 0 or e &lt; 0 at every point (and e defined there).</summary>
    public static ProvedSign Sign(Expr e, IReadOnlyDictionary<Symbol, Interval> box, IntervalFunctionTable? functions = null) =>
        Evaluate(e, box, functions).Sign;

    sealed class Walker(IReadOnlyDictionary<Symbol, Interval> box, IntervalFunctionTable functions)
    {
        readonly Dictionary<Symbol, Interval> _bound = [];

        public Interval Eval(Expr e)
        {
            StackGuard.Ensure();
            switch (e)
            {
                case Number n: return Interval.Enclosing(n.Value);
                case Symbol s:
                    if (_bound.TryGetValue(s, out var b)) return b;
                    if (box.TryGetValue(s, out var v)) return v;
                    throw new EvaluationException($"no interval given for symbol '{s.Name}'");
                case Sum sum:
                    var total = new Interval(0);
                    foreach (var t in sum.Terms) total += Eval(t);
                    return total;
                case Product p:
                    var prod = new Interval(1);
                    foreach (var f in p.Factors) prod *= Eval(f);
                    return prod;
                case Power pw: return Interval.Pow(Eval(pw.Base), Eval(pw.Exponent));
                case Log l: return Interval.Log(Eval(l.Argument));
                case Exponential ex: return Interval.Exp(Eval(ex.Argument));
                case Call c: return EvalCall(c);
                case Integral i: return EvalIntegral(i);
                default: throw new NotSupportedException(e.GetType().Name);
            }
        }

        Interval EvalCall(Call c)
        {
            if (FunctionTable.TryBuiltIn(c, out _))
            {
                var args = c.Arguments.Select(Eval).ToArray();
                return c.Name switch
                {
                    "max" => Interval.Max(args),
                    "min" => Interval.Min(args),
                    "abs" => Interval.Abs(args[0]),
                    "erf" or "tgamma" or "digamma" => SpecialFunctions.Enclose(c.Name, args[0]),
                    "gammainc" => SpecialFunctions.EncloseGammaInc(args[0], args[1]),
                    _ => throw new NotSupportedException($"built-in '{c.Name}' has no interval rule"),
                };
            }
            if (!functions.TryGet(c, out var fn))
                throw new EvaluationException($"no interval meaning for function '{FunctionTable.Key(c)}'");
            return fn(c.Arguments.Select(Eval).ToArray());
        }

        /// <summary>
        /// A crude enclosure by the mean value theorem: ∫ₗᵘ f = (u − l)·f̄ with f̄ in the range of f
        /// between the limits, so it lies in (U − L)·F, F the body's enclosure with the variable
        /// over the hull of both limits' enclosures.
        /// </summary>
        Interval EvalIntegral(Integral i)
        {
            var lower = Eval(i.Lower);
            var upper = Eval(i.Upper);
            var had = _bound.TryGetValue(i.Variable, out var outer);
            Interval body;
            try
            {
                _bound[i.Variable] = Interval.Hull(lower, upper);
                body = Eval(i.Body);
            }
            finally { if (had) _bound[i.Variable] = outer; else _bound.Remove(i.Variable); }
            var r = (upper - lower) * body;
            if (r.IsEmpty) return r;
            // Scale from the finite ends only: an infinite end needs no slack.
            var scale = Math.Max(double.IsFinite(r.Lo) ? Math.Abs(r.Lo) : 0, double.IsFinite(r.Hi) ? Math.Abs(r.Hi) : 0);
            var slack = DirectedRounding.MulUp(QuadratureSlack, scale);
            return Interval.Make(DirectedRounding.SubDown(r.Lo, slack), DirectedRounding.AddUp(r.Hi, slack), r.MayBeUndefined);
        }
    }
}
