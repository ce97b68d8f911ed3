using FsCheck;
using FsCheck.Fluent;
using Verify.Derivation.Evaluation;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

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
public sealed class ParameterSpace
{
    readonly ModelEvaluator _model;
    readonly List<DrawVariable> _draws = [];
    readonly Dictionary<Symbol, Expr> _computed = [];   // parameters given by a claim's 'with'
    readonly IReadOnlyDictionary<Expr, Expr> _derived;
    const int UniformsPerVariable = 3;

    public IReadOnlyList<Symbol> DrawnSymbols => _draws.Select(d => d.Symbol).ToList();

    public ParameterSpace(ModelEvaluator model, IReadOnlyDictionary<Symbol, Expr>? with = null)
    {
        _model = model;
        _derived = model.DerivedParameters;
        var doc = model.Derivation.Context.Model;
        with ??= new Dictionary<Symbol, Expr>();
        var relations = doc.Parameters.SelectMany(p => p.Domain).Concat(doc.Constraints.SelectMany(c => c.Relations))
            .Concat(doc.Derived.SelectMany(d => d.Claims)).ToList();
        foreach (var p in doc.Parameters)
        {
            if (with.TryGetValue(p.Symbol, out var value))
            {
                _computed[p.Symbol] = value;
                // A reparametrisation draws its new symbols (beta) where the parameter (rho) would be.
                foreach (var s in value.FreeSymbols().Where(s => !doc.Parameters.Any(q => q.Symbol == s) && _draws.All(d => d.Symbol != s)))
                    _draws.Add(new DrawVariable(s, relations));
                continue;
            }
            _draws.Add(new DrawVariable(p.Symbol, relations));
        }
    }

    /// <summary>Draws the drawn symbols' values (in <see cref="DrawnSymbols"/> order), admissible ones only.</summary>
    public Gen<double[]> Generator =>
        Gen.ArrayOf(Gen.Choose(0, 1_000_000_000), _draws.Count * UniformsPerVariable)
           .Select(us => Draw(us.Select(u => u / 1_000_000_001.0).ToArray()))
           .Where(x => x is not null)
           .Select(x => x!);

    double[]? Draw(double[] uniforms)
    {
        var known = new Dictionary<Symbol, double>();
        for (int i = 0; i < _draws.Count; i++)
        {
            var d = _draws[i];
            var (lo, hi) = Range(d.Symbol, known);
            if (!(hi > lo)) return null;
            known[d.Symbol] = Sample(lo, hi, uniforms[3 * i], uniforms[3 * i + 1], uniforms[3 * i + 2]);
        }
        var drawn = _draws.Select(d => known[d.Symbol]).ToArray();
        return Inputs(drawn) is null ? null : drawn;
    }

    /// <summary>The range of one drawn symbol given the others' values (for narrowing and shrinking).</summary>
    public (double Lo, double Hi) Range(Symbol s, IReadOnlyDictionary<Symbol, double> others)
    {
        var known = new Dictionary<Symbol, double>(others);
        known.Remove(s);
        foreach (var (c, e) in _computed)
            if (!known.ContainsKey(c) && e.FreeSymbols().All(known.ContainsKey)) known[c] = Value(e, known);
        return Bounds(_draws.First(d => d.Symbol == s), known);
    }

    /// <summary>The input vector of drawn values (the integration variable is NaN), or null when it is not admissible.</summary>
    public double[]? Inputs(double[] drawn)
    {
        var all = new Dictionary<Symbol, double>();
        for (int i = 0; i < _draws.Count; i++) all[_draws[i].Symbol] = drawn[i];
        foreach (var (s, e) in _computed) all[s] = Value(e, all);
        var v = new double[_model.Inputs.Count];
        for (int i = 0; i < v.Length; i++)
            v[i] = all.TryGetValue(_model.Inputs[i], out var x) ? x : double.NaN;
        return Admissible(v) is null ? v : null;
    }

    /// <summary>The first domain relation or constraint the inputs violate, or null.</summary>
    public string? Admissible(double[] inputs)
    {
        var doc = _model.Derivation.Context.Model;
        var at = _model.Inputs.Select((s, i) => (s, inputs[i])).Where(t => !double.IsNaN(t.Item2)).ToDictionary(t => t.s, t => t.Item2);
        foreach (var r in doc.Parameters.SelectMany(p => p.Domain).Concat(doc.Constraints.SelectMany(c => c.Relations)))
        {
            double l = Value(r.Left, at), rr = Value(r.Right, at);
            if (!Relation.Holds(l, r.Operator, rr)) return r.ToString();
        }
        return null;
    }


    /// <summary>e at known values, with derived and computed parameters written out where their own value is not known.</summary>
    double Value(Expr e, IReadOnlyDictionary<Symbol, double> at)
    {
        var symbols = at.Keys.OrderBy(k => k.Name, StringComparer.Ordinal).ToList();
        var f = Compiled(e, symbols);
        return f(symbols.Select(k => at[k]).ToArray());
    }

    // Every draw evaluates the same few relations with the same symbols known: compile each once.
    readonly Dictionary<(Expr, string), Func<double[], double>> _compiled = [];
    readonly Dictionary<(Expr, string), Expr> _resolved = [];

    Func<double[], double> Compiled(Expr e, List<Symbol> symbols)
    {
        var key = (e, string.Join(",", symbols.Select(x => x.Name)));
        if (!_compiled.TryGetValue(key, out var f))
            _compiled[key] = f = Compiler.Compile(Resolve(e, symbols.ToHashSet()), symbols);
        return f;
    }

    Expr Resolve(Expr e, IReadOnlySet<Symbol> known)
    {
        var key = (e, string.Join(",", known.Select(x => x.Name).Order(StringComparer.Ordinal)));
        if (_resolved.TryGetValue(key, out var done)) return done;
        return _resolved[key] = ResolveOnce(e, known);
    }

    Expr ResolveOnce(Expr e, IReadOnlySet<Symbol> known)
    {
        var map = _derived.Concat(_computed.Select(kv => new KeyValuePair<Expr, Expr>(kv.Key, kv.Value)))
            .Where(kv => kv.Key is Symbol s && !known.Contains(s)).ToDictionary(kv => kv.Key, kv => kv.Value);
        for (int round = 0; round < 4; round++)
        {
            var next = e.Substitute(map);
            if (next.Equals(e)) break;
            e = next;
        }
        return e;
    }

    /// <summary>The range a variable may take given the values drawn so far; relations that name undrawn symbols wait.</summary>
    (double Lo, double Hi) Bounds(DrawVariable d, Dictionary<Symbol, double> known)
    {
        double lo = double.NegativeInfinity, hi = double.PositiveInfinity;
        foreach (var r in d.Bounds)
        {
            var diff = Resolve(Expr.Sub(r.Left, r.Right), known.Keys.Append(d.Symbol).ToHashSet());
            if (!diff.Contains(d.Symbol) && !(_derived.TryGetValue(d.Symbol, out var def) && diff.Any(n => n.Equals(def)))) continue;
            var others = diff.FreeSymbols().Where(s => s != d.Symbol).ToList();
            if (!others.All(known.ContainsKey)) continue;   // waits for symbols not drawn yet
            // Linear in the variable? Read the relation as slope*x + intercept op 0 at three points.
            double F(double x) { var at = new Dictionary<Symbol, double>(known) { [d.Symbol] = x }; return Value(diff, at); }
            double f0 = F(0), f1 = F(1), f2 = F(2);
            if (d.Symbol.Sign == SymbolSign.Positive && !double.IsFinite(f0)) { f0 = F(0.5); f1 = F(1.5); f2 = F(2.5); var slope0 = f1 - f0; if (Math.Abs(f2 - 2 * f1 + f0) > 1e-9 * (1 + Math.Abs(f0) + Math.Abs(f1))) continue; Apply(r.Operator, slope0, f0 - 0.5 * slope0, ref lo, ref hi); continue; }
            if (!double.IsFinite(f0) || Math.Abs(f2 - 2 * f1 + f0) > 1e-9 * (1 + Math.Abs(f0) + Math.Abs(f1))) continue;
            Apply(r.Operator, f1 - f0, f0, ref lo, ref hi);
        }
        if (d.Symbol.Sign == SymbolSign.Positive) lo = Math.Max(lo, 0);
        return (lo, hi);
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
        const double edge = 1e-3;
        double x;
        if (double.IsFinite(lo) && double.IsFinite(hi))
        {
            var width = hi - lo;
            x = u < 0.1 ? lo + width * edge * v : u > 0.9 ? hi - width * edge * v : lo + width * v;
        }
        // Above a positive bound (sigma > 1, beta > 1): log-uniform distance from 5% to 20 times the bound. Closer,
        // exponents such as 1/(sigma - 1) pass 20 and aD^rho underflows: double precision cannot follow the formulas.
        else if (double.IsFinite(lo) && lo > 0) x = lo * (1 + Math.Exp(Math.Log(5e-2) + (Math.Log(20) - Math.Log(5e-2)) * v));
        else if (double.IsFinite(lo)) x = lo + Math.Exp(Math.Log(1e-2) + (Math.Log(1e2) - Math.Log(1e-2)) * v);
        else if (double.IsFinite(hi)) x = hi - Math.Exp(Math.Log(1e-2) + (Math.Log(1e2) - Math.Log(1e-2)) * v);
        else x = (v - 0.5) * 20;
        // Keep open ends open.
        if (x <= lo) x = double.IsFinite(hi) ? lo + (hi - lo) * 1e-9 * (1 + w) : Math.BitIncrement(lo);
        if (x >= hi) x = double.IsFinite(lo) ? hi - (hi - lo) * 1e-9 * (1 + w) : Math.BitDecrement(hi);
        return x;
    }
}
