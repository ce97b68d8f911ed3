using Verify.Derivation.Results;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Derivation.Evaluation;

/// <summary>
/// A threshold with no closed form (φ_S where a_R = a_D, when a_R is implicit): the value of its
/// variable at which the two sides meet, computed in its phase (whether or not that phase holds
/// there, as a closed form would be), by a scan of the variable's declared domain for a sign change
/// of the difference (denser towards its ends, see <see cref="Abscissae"/>) and Brent's method. No meeting inside the domain is a numeric failure, said so.
/// </summary>
public sealed class NumericThreshold
{
    const int ScanPoints = 48;
    readonly ThresholdDerivation _threshold;
    readonly ModelEvaluator _model;
    readonly QuantityExpression _difference;
    readonly int _phase;
    readonly int _variable;
    readonly IReadOnlyList<Relation> _domain;
    readonly string _name;

    public NumericThreshold(ModelEvaluator model, RegimeDerivation regime, ThresholdDerivation threshold)
    {
        _threshold = threshold;
        _model = model;
        _name = FunctionName(regime, threshold);
        var t = threshold.Threshold;
        _difference = new QuantityExpression(model, regime.Regime.Name, Canonical.Add([t.Left, Canonical.Mul([Expr.MinusOne, t.Right], StructuralSign.Instance)], StructuralSign.Instance));
        _phase = regime.Phases.Select((p, i) => (p, i)).First(x => x.p.Key == threshold.PhaseKey).i;
        _variable = model.Inputs.ToList().IndexOf(t.For);
        if (_variable < 0) throw new NumericFailure($"threshold {t.Symbol.Name}: '{t.For.Name}' is not a parameter");
        _domain = model.Derivation.Context.Model.Parameters.First(p => p.Symbol == t.For).Domain;
        var regimeName = regime.Regime.Name;
        var key = threshold.PhaseKey;
        // Looked up on first use: the regime's evaluator may be under construction when this is.
        _phaseEvaluator = new(() => model.Regime(regimeName).Phases.First(p => p.Phase.Key == key));
    }

    readonly Lazy<PhaseEvaluator> _phaseEvaluator;
    bool PhaseHolds(double[] inputs) => _phaseEvaluator.Value.Holds(inputs);

    /// <summary>
    /// How closely (relative) a threshold found this way is known: its root is that of differences of implicit
    /// solutions, each solved to a residual of 1e-12, and near the meeting they may cancel to 1e-9 of their size.
    /// </summary>
    public const double Accuracy = 1e-6;

    /// <summary>Whether a function name is that of a threshold found numerically.</summary>
    public static bool IsNumericThreshold(string function) => function.EndsWith("_numeric", StringComparison.Ordinal);

    /// <summary>The name under which the threshold is a function of the model's inputs.</summary>
    public static string FunctionName(RegimeDerivation regime, ThresholdDerivation threshold) =>
        $"{threshold.Threshold.Symbol.Name}_{regime.Regime.Name.Replace('-', '_')}_numeric";

    sealed record Last(double[] Arguments, double Value);
    Last? _last;

    public double Value(double[] inputs)
    {
        var last = _last;
        if (last is not null && Same(last.Arguments, inputs)) return last.Value;
        var key = ThresholdValues.Key(_name, inputs, _variable);
        if (!_model.ThresholdValues.TryGet(key, out var value, out var failure))
        {
            try
            {
                using var walk = WalkScope.Open();
                value = Search(inputs);
            }
            catch (NumericFailure e) { failure = e.Message; }
            _model.ThresholdValues.Add(key, value, failure);
        }
        if (failure is not null) throw new NumericFailure(failure);
        _last = new Last((double[])inputs.Clone(), value);
        return value;
    }

    /// <summary>Equal but for the threshold's own variable, which it does not depend on.</summary>
    bool Same(double[] a, double[] b)
    {
        for (int i = 0; i < a.Length; i++)
            if (i != _variable && a[i] != b[i] && !(double.IsNaN(a[i]) && double.IsNaN(b[i]))) return false;
        return true;
    }

    double Search(double[] inputs)
    {
        var (lo, hi) = Bounds(inputs);
        var point = (double[])inputs.Clone();
        double F(double x)
        {
            point[_variable] = x;
            try { return _difference.EvaluateInPhases([_phase], point); }
            catch (NumericFailure) { return double.NaN; }
        }
        // Every meeting in the scan, in order: with Pareto costs there is one; with others the sides may meet at
        // both ends of the phase (log-normal costs: at small phi relocation reaches past the exporters, aR > aX, and
        // phase XX begins where aR falls to aX). The threshold is where the phase ends as the variable rises, the
        // meeting with the phase holding just below it and not just above, as 'where phi < phiP' reads it.
        double? Root(Func<double, double> f, double a, double b) => BracketedRoot.Find(f, a, b, 1e-13 * Math.Max(1, Math.Abs(b)));
        var meetings = new List<double>();
        double prevX = double.NaN, prevF = double.NaN, largest = 0;
        foreach (var x in Abscissae(lo, hi))
        {
            var f = F(x);
            if (f == 0) meetings.Add(x);
            else if (double.IsFinite(f) && double.IsFinite(prevF) && Math.Sign(f) != Math.Sign(prevF))
            {
                // A sign change may be a jump of the phase's solution from one branch to another (relocation jumping
                // to full agglomeration before a_R reaches a_X), where the sides do not meet: kept only if the
                // difference vanishes there, to a millionth of its size in the scan.
                var scale = Math.Max(largest, Math.Abs(f));
                if (Root(F, prevX, x) is { } root && Math.Abs(F(root)) <= 1e-6 * scale)
                    meetings.Add(root);
            }
            // The phase's solution may leave its unknowns' domain exactly where the sides meet (a_R
            // reaching a_D bounds a_R <= a_D): find where it stops existing, and take that edge if
            // the difference vanishes there. Or the sides may cross just before it (a_R rising
            // steeply through a_X, the solution ending a little beyond): then the root in between.
            else if (!double.IsFinite(f) && double.IsFinite(prevF))
            {
                var inside = LastDefined(F, prevX, x);
                var atEdge = F(inside);
                var scale = Math.Max(largest, Math.Abs(atEdge));
                if (Math.Abs(atEdge) <= 1e-7 * Math.Max(largest, 1e-300)) meetings.Add(inside);
                else if (double.IsFinite(atEdge) && Math.Sign(atEdge) != Math.Sign(prevF) && Root(F, prevX, inside) is { } root && Math.Abs(F(root)) <= 1e-6 * scale)
                    meetings.Add(root);
            }
            if (double.IsFinite(f)) { prevX = x; prevF = f; largest = Math.Max(largest, Math.Abs(f)); }
            else { prevX = double.NaN; prevF = double.NaN; }
        }
        var t = _threshold.Threshold;
        if (meetings.Count > 0)
        {
            bool Holds(double x)
            {
                point[_variable] = x;
                try { return PhaseHolds(point); }
                catch (NumericFailure) { return false; }
            }
            // A millionth of the domain, or less next to an end (where the denser points find meetings).
            double Step(double m) => Math.Min(1e-6 * (hi - lo), 1e-3 * Math.Min(m - lo, hi - m));
            foreach (var m in meetings)
                if (Holds(m - Step(m)) && !Holds(m + Step(m))) return m;
            // None where the phase plainly ends (its conditions may not be told apart so near the meeting): the first
            // meeting, unless the phase plainly begins there, which is the other end of the phase, not this threshold.
            var notBeginnings = meetings.Where(m => !(Holds(m + Step(m)) && !Holds(m - Step(m)))).ToList();
            if (notBeginnings.Count > 0) return notBeginnings[0];
            throw new NumericFailure($"threshold {t.Symbol.Name}: {t.Left} = {t.Right} in {_threshold.PhaseKey} is met only where the phase begins as {t.For.Name} rises ({string.Join(", ", meetings.Select(m => m.ToString("G6")))}), nowhere where it ends, in {lo} < {t.For.Name} < {hi} here");
        }
        throw new NumericFailure($"threshold {t.Symbol.Name}: {t.Left} = {t.Right} in {_threshold.PhaseKey} is met nowhere in {lo} < {t.For.Name} < {hi} here");
    }

    /// <summary>
    /// The scan's points, ascending: <see cref="ScanPoints"/> - 1 evenly spaced inside the domain, and between the first
    /// (last) of them and the end of the domain <see cref="EndPoints"/> more, each a quarter as far from that end as the
    /// one before, down to 1/(48·4^8) of the domain. A threshold next to an end is met there: φ_P = (1 − s_E)/s_E is
    /// 0.00043 at s_E = 0.99957, which an even scan starting at φ = 1/48 passes by.
    /// </summary>
    static IEnumerable<double> Abscissae(double lo, double hi)
    {
        var first = (hi - lo) / ScanPoints;
        for (int k = EndPoints; k >= 1; k--) yield return lo + first * Math.Pow(0.25, k);
        for (int k = 1; k < ScanPoints; k++) yield return lo + (hi - lo) * k / ScanPoints;
        for (int k = 1; k <= EndPoints; k++) yield return hi - first * Math.Pow(0.25, k);
    }

    const int EndPoints = 8;

    /// <summary>Bisects between a point where the difference exists and one where it does not: the last point where it does.</summary>
    static double LastDefined(Func<double, double> f, double inside, double outside)
    {
        for (int k = 0; k < 60 && Math.Abs(outside - inside) > 1e-15 * Math.Max(1, Math.Abs(inside)); k++)
        {
            var mid = (inside + outside) / 2;
            if (double.IsFinite(f(mid))) inside = mid; else outside = mid;
        }
        return inside;
    }

    (double Lo, double Hi) Bounds(double[] inputs)
    {
        var values = _model.Inputs.Select((s, i) => (s, i)).Where(x => !double.IsNaN(inputs[x.i])).ToDictionary(x => x.s, x => inputs[x.i]);
        double lo = double.NegativeInfinity, hi = double.PositiveInfinity;
        var v = _threshold.Threshold.For;
        foreach (var r in _domain)
        {
            bool left = r.Left.Equals(v), right = r.Right.Equals(v);
            if (!left && !right) continue;
            var bound = Evaluator.Evaluate(left ? r.Right : r.Left, values);
            var below = r.Operator is RelationOperator.Less or RelationOperator.LessOrEqual;
            if (left == below) hi = Math.Min(hi, bound); else lo = Math.Max(lo, bound);
        }
        if (!double.IsFinite(lo) || !double.IsFinite(hi) || !(hi > lo))
            throw new NumericFailure($"threshold {_threshold.Threshold.Symbol.Name}: the domain of {v.Name} is not a bounded interval to search");
        return (lo, hi);
    }
}
