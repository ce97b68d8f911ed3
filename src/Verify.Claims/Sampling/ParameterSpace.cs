using FsCheck;
using FsCheck.Fluent;
using System.Globalization;
using Verify.Derivation.Evaluation;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;

namespace Verify.Claims.Sampling;

/// <summary>
/// The admissible parameter points of a model, as an FsCheck generator of input vectors. Each
/// parameter is drawn in file order within the bounds its domain, the constraints and the values
/// already drawn give it: uniformly on a bounded range (a tenth of the draws within 0.1% of each
/// end, so that edges such as phi near 0 or 1 and sE near 1/2 are visited), on a log scale above
/// a positive lower bound (from 1.05 to 21 times it: beta near 1 and beta large both occur), and
/// log-uniformly on (0.01, 100) above zero (f, fI). A claim may fix parameters or
/// draw a derived one in a parameter's place (with rho = beta*(sigma - 1)).
/// </summary>
/// <remarks>
/// A point under construction is an array over <see cref="_slots"/> (the drawn symbols, then the
/// parameters a claim computes), NaN where not known yet. Which slots are known decides how each
/// relation reads (a derived parameter is written out where its own value is unknown); that
/// reading is compiled once per set of known slots, so a draw only evaluates delegates.
/// </remarks>
public sealed class ParameterSpace
{
    readonly ModelEvaluator _model;
    readonly List<DrawVariable> _draws = [];
    readonly List<(Symbol Symbol, Expr Value, int[] Needs)> _computed = [];   // parameters given by a claim's 'with'
    readonly IReadOnlyDictionary<Expr, Expr> _derived;
    readonly IReadOnlyList<Relation> _admissibility;
    readonly Layout _slots, _inputs;
    readonly int[] _inputOfSlot;   // for each slot, its place in the model's input vector, or -1
    readonly Dictionary<(int Variable, long Known), List<(RelationOperator Op, Func<double[], double> Difference)>> _boundPlans = [];
    const int UniformsPerVariable = 3;

    // How values are drawn (see Sample), shared with the proof box so that a proof covers what the draws cover.
    const double EdgeBand = 1e-3;                           // a tenth of the draws on a bounded range fall this close to an end
    const double NearBound = 1.05, FarBound = 21;           // above a positive bound b: from 1.05 b to 21 b
    const double SmallestPositive = 1e-2, LargestPositive = 1e2;   // above zero: log-uniform on (0.01, 100)

    public IReadOnlyList<Symbol> DrawnSymbols { get; }

    public ParameterSpace(ModelEvaluator model, IReadOnlyDictionary<Symbol, Expr>? with = null)
    {
        _model = model;
        _derived = model.DerivedParameters;
        var doc = model.Derivation.Context.Model;
        with ??= new Dictionary<Symbol, Expr>();
        var relations = doc.Parameters.SelectMany(p => p.Domain).Concat(doc.Constraints.SelectMany(c => c.Relations.Select(doc.Inline)))
            .Concat(doc.Derived.SelectMany(d => d.Claims)).ToList();
        var computed = new List<(Symbol, Expr)>();
        foreach (var p in doc.Parameters)
        {
            if (with.TryGetValue(p.Symbol, out var value))
            {
                computed.Add((p.Symbol, value));
                // A reparametrisation draws its new symbols (beta) where the parameter (rho) would be.
                foreach (var s in value.FreeSymbols().Where(s => !doc.Parameters.Any(q => q.Symbol == s) && _draws.All(d => d.Symbol != s)))
                    _draws.Add(new DrawVariable(s, relations));
                continue;
            }
            _draws.Add(new DrawVariable(p.Symbol, relations));
        }
        DrawnSymbols = _draws.Select(d => d.Symbol).ToList();
        var slots = DrawnSymbols.Concat(computed.Select(c => c.Item1)).ToArray();
        foreach (var (s, e) in computed)
            _computed.Add((s, e, e.FreeSymbols().Select(x => Array.IndexOf(slots, x)).ToArray()));
        _slots = new Layout(slots, Resolve);
        _inputs = new Layout(model.Inputs.ToArray(), Resolve);
        _inputOfSlot = slots.Select(s => model.Inputs.ToList().IndexOf(s)).ToArray();
        _admissibility = doc.Parameters.SelectMany(p => p.Domain).Concat(doc.Constraints.SelectMany(c => c.Relations.Select(doc.Inline))).ToList();
    }

    /// <summary>Draws the drawn symbols' values (in <see cref="DrawnSymbols"/> order), admissible ones only.</summary>
    public Gen<double[]> Generator =>
        Gen.ArrayOf(Gen.Choose(0, 1_000_000_000), _draws.Count * UniformsPerVariable)
           .Select(us => Draw(us.Select(u => u / 1_000_000_001.0).ToArray()))
           .Where(x => x is not null)
           .Select(x => x!);

    double[]? Draw(double[] uniforms)
    {
        var drawn = new double[_draws.Count];
        Array.Fill(drawn, double.NaN);
        for (int i = 0; i < _draws.Count; i++)
        {
            var (lo, hi) = Range(i, drawn);
            if (!(hi > lo)) return null;
            drawn[i] = Sample(lo, hi, uniforms[3 * i], uniforms[3 * i + 1], uniforms[3 * i + 2]);
        }
        return Inputs(drawn) is null ? null : drawn;
    }

    /// <summary>The range of the drawn symbol at <paramref name="index"/> given the other drawn values (NaN where not drawn), for drawing and narrowing.</summary>
    public (double Lo, double Hi) Range(int index, double[] drawn)
    {
        var values = SlotValues(drawn);
        values[index] = double.NaN;
        FillComputed(values);
        return Bounds(index, values);
    }

    /// <summary>The input vector of drawn values (the integration variable is NaN), or null when it is not admissible.</summary>
    public double[]? Inputs(double[] drawn)
    {
        var values = SlotValues(drawn);
        FillComputed(values);
        var v = new double[_model.Inputs.Count];
        Array.Fill(v, double.NaN);
        for (int i = 0; i < values.Length; i++)
            if (_inputOfSlot[i] >= 0) v[_inputOfSlot[i]] = values[i];
        return Admissible(v) is null ? v : null;
    }

    /// <summary>The first domain relation or constraint the inputs violate, or null.</summary>
    public string? Admissible(double[] inputs)
    {
        foreach (var r in _admissibility)
            if (!Relation.Holds(_inputs.Value(r.Left, inputs), r.Operator, _inputs.Value(r.Right, inputs))) return r.ToString();
        return null;
    }

    double[] SlotValues(double[] drawn)
    {
        var values = new double[_slots.Symbols.Length];
        Array.Copy(drawn, values, drawn.Length);
        for (int i = drawn.Length; i < values.Length; i++) values[i] = double.NaN;
        return values;
    }

    /// <summary>Computes the claim's 'with' parameters whose symbols are all known, in file order.</summary>
    void FillComputed(double[] values)
    {
        for (int k = 0; k < _computed.Count; k++)
        {
            var slot = _draws.Count + k;
            values[slot] = double.NaN;
            if (_computed[k].Needs.All(i => i >= 0 && !double.IsNaN(values[i]))) values[slot] = _slots.Value(_computed[k].Value, values);
        }
    }

    /// <summary>e with derived and computed parameters written out where their own value is not known.</summary>
    Expr Resolve(Expr e, IReadOnlySet<Symbol> known)
    {
        var map = _derived.Concat(_computed.Select(c => new KeyValuePair<Expr, Expr>(c.Symbol, c.Value)))
            .Where(kv => kv.Key is Symbol s && !known.Contains(s)).ToDictionary(kv => kv.Key, kv => kv.Value);
        return e.SubstituteDefinitions(map);
    }

    /// <summary>The range a variable may take given the values known so far; relations that name unknown symbols wait.</summary>
    (double Lo, double Hi) Bounds(int index, double[] values)
    {
        double lo = double.NegativeInfinity, hi = double.PositiveInfinity;
        var symbol = _draws[index].Symbol;
        foreach (var (op, difference) in BoundPlan(index, values))
        {
            // Linear in the variable? Read the relation as slope*x + intercept op 0 at three points.
            double F(double x) { values[index] = x; return difference(values); }
            double f0 = F(0), f1 = F(1), f2 = F(2);
            if (symbol.Sign == SymbolSign.Positive && !double.IsFinite(f0))
            {
                f0 = F(0.5); f1 = F(1.5); f2 = F(2.5);
                if (!Linear(f0, f1, f2)) continue;
                var slope = f1 - f0;
                Apply(op, slope, f0 - 0.5 * slope, ref lo, ref hi);
                continue;
            }
            if (!double.IsFinite(f0) || !Linear(f0, f1, f2)) continue;
            Apply(op, f1 - f0, f0, ref lo, ref hi);
        }
        values[index] = double.NaN;
        if (symbol.Sign == SymbolSign.Positive) lo = Math.Max(lo, 0);
        return (lo, hi);
    }

    static bool Linear(double f0, double f1, double f2) => Math.Abs(f2 - 2 * f1 + f0) <= 1e-9 * (1 + Math.Abs(f0) + Math.Abs(f1));

    /// <summary>The relations that bound a variable when the given slots are known, each as its compiled left - right.</summary>
    List<(RelationOperator, Func<double[], double>)> BoundPlan(int index, double[] values)
    {
        var key = (index, Layout.Mask(values));
        if (_boundPlans.TryGetValue(key, out var plan)) return plan;
        var d = _draws[index];
        var known = _slots.Known(values).Append(d.Symbol).ToHashSet();
        plan = [];
        foreach (var r in d.Bounds)
        {
            var diff = Resolve(Expr.Sub(r.Left, r.Right), known);
            if (!diff.Contains(d.Symbol) && !(_derived.TryGetValue(d.Symbol, out var def) && diff.Any(n => n.Equals(def)))) continue;
            if (!diff.FreeSymbols().All(known.Contains)) continue;   // waits for symbols not drawn yet
            plan.Add((r.Operator, _slots.Compile(diff)));
        }
        return _boundPlans[key] = plan;
    }

    /// <summary>slope*x + intercept op 0 narrows [lo, hi].</summary>
    static void Apply(RelationOperator op, double slope, double intercept, ref double lo, ref double hi)
    {
        if (slope == 0) return;
        var root = -intercept / slope;
        bool greater = op is RelationOperator.Greater or RelationOperator.GreaterOrEqual;
        bool less = op is RelationOperator.Less or RelationOperator.LessOrEqual;
        if (!greater && !less) return;
        // (slope > 0 and x > root) or (slope < 0 and x < root) for "> 0"; mirrored for "< 0".
        if (greater == slope > 0) lo = Math.Max(lo, root); else hi = Math.Min(hi, root);
    }

    /// <summary>One draw in (lo, hi): edges a fifth of the time on a bounded range, log scale on an unbounded one.</summary>
    static double Sample(double lo, double hi, double u, double v, double w)
    {
        double x;
        if (double.IsFinite(lo) && double.IsFinite(hi))
        {
            var width = hi - lo;
            x = u < 0.1 ? lo + width * EdgeBand * v : u > 0.9 ? hi - width * EdgeBand * v : lo + width * v;
        }
        // Above a positive bound (sigma > 1, beta > 1): log-uniform distance from 5% to 20 times the bound. Closer,
        // exponents such as 1/(sigma - 1) pass 20 and aD^rho underflows: double precision cannot follow the formulas.
        else if (double.IsFinite(lo) && lo > 0) x = lo * (1 + Math.Exp(Math.Log(NearBound - 1) + (Math.Log(FarBound - 1) - Math.Log(NearBound - 1)) * v));
        else if (double.IsFinite(lo)) x = lo + Math.Exp(Math.Log(SmallestPositive) + (Math.Log(LargestPositive) - Math.Log(SmallestPositive)) * v);
        else if (double.IsFinite(hi)) x = hi - Math.Exp(Math.Log(SmallestPositive) + (Math.Log(LargestPositive) - Math.Log(SmallestPositive)) * v);
        else x = (v - 0.5) * 20;
        // Keep open ends open.
        if (x <= lo) x = double.IsFinite(hi) ? lo + (hi - lo) * 1e-9 * (1 + w) : Math.BitIncrement(lo);
        if (x >= hi) x = double.IsFinite(lo) ? hi - (hi - lo) * 1e-9 * (1 + w) : Math.BitDecrement(hi);
        return x;
    }

    /// <summary>
    /// The box an interval proof covers, following the draws: a bounded range without its outer
    /// 0.1% bands; above a positive bound b, [1.05 b, 21 b]; above zero, [0.01, 100]. A symbol
    /// bounded below by an expression of earlier ones is replaced by its ratio to that bound, a
    /// coordinate of range [1.05, 21] (named after the model's derived parameter when one is
    /// that ratio). Null, with the reason, when a drawn symbol fits none of these.
    /// </summary>
    public ProofBox? Box(out string? problem)
    {
        problem = null;
        var ranges = new Dictionary<Symbol, (double, double)>();
        var substitution = new Dictionary<Expr, Expr>();
        var described = new List<string>();
        var nothingKnown = SlotValues(Enumerable.Repeat(double.NaN, _draws.Count).ToArray());
        for (int i = 0; i < _draws.Count; i++)
        {
            var x = _draws[i].Symbol;
            var (lo, hi) = Bounds(i, nothingKnown);
            if (SymbolicLowerBound(i) is { } bound && !double.IsFinite(hi))
            {
                var ratio = RatioCoordinate(x, bound);
                ranges[ratio] = (NearBound, FarBound);
                substitution[x] = Expr.Mul(ratio, bound);
                described.Add($"{ratio.Name} = {x.Name}/({bound}) in [{Number(NearBound)}, {Number(FarBound)}]");
                continue;
            }
            if (double.IsFinite(lo) && double.IsFinite(hi))
            {
                var band = (hi - lo) * EdgeBand;
                ranges[x] = (lo + band, hi - band);
            }
            else if (double.IsFinite(lo) && lo > 0) ranges[x] = (NearBound * lo, FarBound * lo);
            else if (double.IsFinite(lo)) ranges[x] = (lo + SmallestPositive, lo + LargestPositive);
            else { problem = $"{x.Name} has no bounded range to prove on"; return null; }
            described.Add($"{x.Name} in [{Number(ranges[x].Item1)}, {Number(ranges[x].Item2)}]");
        }
        return new ProofBox(ranges, substitution, string.Join(", ", described));
    }

    static string Number(double x) => x.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>A lower bound x &gt; e with e an expression of the symbols drawn before x, read from a relation linear in x.</summary>
    Expr? SymbolicLowerBound(int index)
    {
        var x = _draws[index].Symbol;
        var earlier = DrawnSymbols.Take(index).Append(x).ToHashSet();
        foreach (var r in _draws[index].Bounds)
        {
            if (r.Operator is not (RelationOperator.Greater or RelationOperator.GreaterOrEqual or RelationOperator.Less or RelationOperator.LessOrEqual)) continue;
            var diff = Resolve(Expr.Sub(r.Left, r.Right), earlier);
            if (!diff.Contains(x) || !diff.FreeSymbols().All(earlier.Contains) || diff.FreeSymbols().Count() < 2) continue;
            var parts = Collection.Collect(diff, x);
            if (parts.Keys.Any(k => !k.Equals(Expr.Zero) && !k.Equals(Expr.One)) || parts.GetValueOrDefault(Expr.One) is not Number slope) continue;
            bool greater = r.Operator is RelationOperator.Greater or RelationOperator.GreaterOrEqual;
            if (greater != slope.Value.Sign > 0) continue;   // an upper bound
            return Simplifier.Simplify(Expr.Div(Expr.Neg(parts.GetValueOrDefault(Expr.Zero) ?? Expr.Zero), slope), _model.Derivation.Context.Oracle);
        }
        return null;
    }

    /// <summary>The model's derived parameter equal to x/bound, or a new positive symbol for that ratio.</summary>
    Symbol RatioCoordinate(Symbol x, Expr bound)
    {
        var ratio = Expr.Div(x, bound);
        foreach (var (name, definition) in _derived)
            if (name is Symbol d && Simplifier.Simplify(Expr.Sub(definition, ratio), _model.Derivation.Context.Oracle).Equals(Expr.Zero)) return d;
        return Expr.Sym($"{x.Name}_ratio", SymbolSign.Positive);
    }
}
