using Verify.Derivation.Results;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Derivation.Evaluation;

/// <summary>
/// Numeric value of an implicit unknown: the root of its compiled residual inside the unknown's
/// declared domain. The domain is scanned on a geometric grid for a sign change (residuals such as
/// phi*y^(1-sigma) - ... blow up at 0), then Brent's method refines the bracket.
/// </summary>
public sealed class ImplicitRoot
{
    readonly ImplicitUnknown _unknown;
    readonly Func<double[], double> _residual;
    readonly Func<double[], double>[] _lower;
    readonly Func<double[], double>[] _upper;
    const int ScanPoints = 256, WalkStride = 4;
    // Roots far below 1 occur (an export cut-off near 1e-40 when rho is small): the geometric grid reaches down to this.
    const double SmallestScanned = 1e-300;

    public ImplicitRoot(ImplicitUnknown unknown, IReadOnlyDictionary<Expr, Expr> knownValues, FunctionTable functions)
    {
        _unknown = unknown;
        var inputs = new List<Symbol> { unknown.Unknown };
        inputs.AddRange(unknown.Parameters);
        _residual = Compiler.Compile(unknown.Residual, inputs, functions, reuseUnchanged: true);
        var lower = new List<Func<double[], double>>();
        var upper = new List<Func<double[], double>>();
        foreach (var r in unknown.Domain)
        {
            foreach (var (bound, isLower) in Bounds(r, unknown.Unknown))
            {
                // A bound naming one of the function's own arguments takes the argument's value at the call.
                var b = bound.Substitute(knownValues.Where(kv => !(kv.Key is Symbol s && unknown.Parameters.Contains(s))).ToDictionary());
                if (b.FreeSymbols().Any(s => !unknown.Parameters.Contains(s))) continue;
                (isLower ? lower : upper).Add(Compiler.Compile(b, unknown.Parameters, functions));
            }
        }
        _lower = [.. lower];
        _upper = [.. upper];
    }

    /// <summary>The bounds a relation puts on y: y &gt; e gives a lower bound e, y &lt; e an upper bound.</summary>
    static IEnumerable<(Expr Bound, bool IsLower)> Bounds(Relation r, Symbol y)
    {
        bool leftIsY = r.Left.Equals(y), rightIsY = r.Right.Equals(y);
        if (!leftIsY && !rightIsY) yield break;
        var other = leftIsY ? r.Right : r.Left;
        var greater = r.Operator is RelationOperator.Greater or RelationOperator.GreaterOrEqual;
        var less = r.Operator is RelationOperator.Less or RelationOperator.LessOrEqual;
        if (!greater && !less) yield break;
        yield return (other, leftIsY ? greater : less);
    }

    // The last point and its root: an implicit function called inside another's residual (a carried
    // cut-off in an export cut-off's condition) is asked for the same point at every step of the
    // outer search, and a claim over a firm's cost a varies only a, which the root does not depend
    // on. The root is a function of the point, so this is exact. One immutable record, so a reader
    // on another thread sees a whole pair.
    sealed record Last(double[] Arguments, double Root);
    Last? _last;

    public double Solve(double[] parameters)
    {
        if (WalkScope.Current is { } walk) return InWalk(walk, parameters);
        var last = _last;
        if (last is not null && last.Arguments.AsSpan().SequenceEqual(parameters)) return last.Root;
        var root = Search(parameters);
        _last = new Last((double[])parameters.Clone(), root);
        return root;
    }

    /// <summary>Inside a walk: the walk's own answer at this point, or a search on the walk's coarser grid first.</summary>
    double InWalk(WalkScope walk, double[] parameters)
    {
        if (walk.At(this, parameters) is not { } step)
        {
            try { step = new(Search(parameters, WalkStride), null); }
            catch (NumericFailure e) { step = new(null, e); }
            walk.Record(this, parameters, step);
        }
        return step.Answer<double>();
    }

    double Search(double[] parameters, int stride = 1)
    {
        double lo = 0, hi = 1;
        bool haveLo = false, haveHi = false;
        foreach (var l in _lower) { var v = l(parameters); if (double.IsFinite(v)) { lo = haveLo ? Math.Max(lo, v) : v; haveLo = true; } }
        foreach (var u in _upper) { var v = u(parameters); if (double.IsFinite(v)) { hi = haveHi ? Math.Min(hi, v) : v; haveHi = true; } }
        if (!haveHi) hi = Math.Max(1, lo) * 1e6;
        if (!(hi > lo)) throw new NumericFailure($"the domain of {_unknown.Unknown.Name} is empty here ({lo} .. {hi})");

        var args = new double[parameters.Length + 1];
        Array.Copy(parameters, 0, args, 1, parameters.Length);
        double F(double y) { args[0] = y; return _residual(args); }

        // A geometric grid when the domain starts at 0 (power-law residuals vary fastest there), else a linear one.
        double Grid(int k)
        {
            double t = (double)k / ScanPoints;
            if (lo == 0) return Math.Min(hi * Math.Pow(SmallestScanned, 1 - t), hi * (1 - 1e-14));
            return Math.Clamp(lo + (hi - lo) * t, lo + (hi - lo) * 1e-14, hi - (hi - lo) * 1e-14);
        }
        // With a stride (inside a walk) every stride-th grid point first, and the points of a cell only once the
        // sign changes across it: the same bracket, and so the same root, unless two roots hide in one cell
        // before the first that shows a change.
        double prevY = double.NaN, prevF = double.NaN;
        int prevK = -1;
        var everyValueFinite = true;
        for (int k = 0; k <= ScanPoints; k += stride)
        {
            var y = Grid(k);
            var f = F(y);
            if (f == 0) return y;
            everyValueFinite &= double.IsFinite(f);
            if (double.IsFinite(f) && double.IsFinite(prevF) && Math.Sign(f) != Math.Sign(prevF))
            {
                for (int j = prevK + 1; j < k; j++)
                {
                    var yj = Grid(j);
                    var fj = F(yj);
                    if (fj == 0) return yj;
                    if (!double.IsFinite(fj)) continue;
                    if (Math.Sign(fj) != Math.Sign(prevF)) { y = yj; break; }
                    (prevY, prevF) = (yj, fj);
                }
                // Relative accuracy: roots near 1e-12 occur (aX when phi is small) and must not be cut at 1e-15 absolute.
                if (BracketedRoot.Find(F, prevY, y, Math.Max(1e-15 * Math.Abs(y), 1e-300)) is { } root) return root;
                throw new NumericFailure($"Brent's method did not converge for {_unknown.Unknown.Name} in [{prevY}, {y}]");
            }
            if (double.IsFinite(f)) { prevY = y; prevF = f; prevK = k; }
        }
        var message = $"the condition defining {_unknown.Unknown.Name} has no sign change on ({lo}, {hi})";
        throw everyValueFinite ? new NoRootInDomain(message) : new NumericFailure(message);
    }
}
