using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Symbolic.Assumptions;

/// <summary>
/// Draws random points that satisfy a set of relations. Symbols are drawn one after another, each
/// within its bounds narrowed by every relation that is affine in it once the symbols drawn before
/// are fixed (rho after sigma: rho &gt; sigma - 1); a relation "s = expression" defines s, computed
/// last. Each point is then checked against every relation, and rejected if any fails.
/// </summary>
internal sealed class AdmissibleSampler
{
    /// <summary>Largest offset drawn beyond a one-sided bound, times the bound's scale.</summary>
    const double Reach = 100;

    readonly IReadOnlyList<Relation> _relations;
    readonly List<Symbol> _free = [];
    readonly List<(Symbol Symbol, Expr Value, Relation Relation)> _definitions;
    readonly Func<Symbol, Interval> _bounds;
    // For each free symbol, the relations that are affine in it: A*s + B has a sign in Sign.
    readonly Dictionary<Symbol, List<(Expr A, Expr B, SignSet Sign)>> _affine = [];

    public AdmissibleSampler(IReadOnlyList<Relation> relations, IReadOnlyList<Symbol> symbols, Func<Symbol, Interval> bounds)
    {
        _relations = relations;
        _bounds = bounds;
        var defining = FindDefinitions(relations);
        foreach (var s in symbols.Where(s => !defining.Any(d => d.Symbol.Equals(s))))
            _free.Add(s);
        // Symbols bounded on both sides first: they anchor the ones defined relative to them.
        _free = [.. _free.OrderBy(s => bounds(s).IsBounded ? 0 : bounds(s).Lo.HasValue || bounds(s).Hi.HasValue ? 1 : 2)];
        _definitions = defining;

        var definitionSet = defining.Select(d => d.Relation).ToHashSet();
        foreach (var s in _free) _affine[s] = [];
        foreach (var r in relations.Where(r => !definitionSet.Contains(r)))
        {
            var (d, sign) = r.AsSign();
            if (sign == SignSet.NonZero) continue;
            foreach (var s in _free.Where(d.Contains))
                if (Affine(d, s) is { } ab) _affine[s].Add((ab.A, ab.B, sign));
        }
    }

    /// <summary>Relations "s = expression" (s free of the expression), in an order where each uses only symbols defined before it.</summary>
    static List<(Symbol Symbol, Expr Value, Relation Relation)> FindDefinitions(IReadOnlyList<Relation> relations)
    {
        var candidates = new List<(Symbol Symbol, Expr Value, Relation Relation)>();
        foreach (var r in relations.Where(r => r.Operator == RelationOperator.Equal))
        {
            if (r.Left is Symbol l && !r.Right.Contains(l) && candidates.All(c => !c.Symbol.Equals(l))) candidates.Add((l, r.Right, r));
            else if (r.Right is Symbol rs && !r.Left.Contains(rs) && candidates.All(c => !c.Symbol.Equals(rs))) candidates.Add((rs, r.Left, r));
        }
        var ordered = new List<(Symbol, Expr, Relation)>();
        var pending = candidates.ToList();
        bool progress = true;
        while (progress && pending.Count > 0)
        {
            progress = false;
            foreach (var c in pending.ToList())
            {
                if (c.Value.FreeSymbols().Any(x => pending.Any(p => p.Symbol.Equals(x)))) continue;
                ordered.Add(c); pending.Remove(c); progress = true;
            }
        }
        return ordered;   // the definitions left pending form a cycle: their symbols are drawn like others
    }

    /// <summary>d = A*s + B with A and B free of s, or null when d is not affine in s.</summary>
    static (Expr A, Expr B)? Affine(Expr d, Symbol s)
    {
        if (!Expansion.TryExpand(d, StructuralSign.Instance, 256, out var e)) return null;
        var a = new List<Expr>(); var b = new List<Expr>();
        foreach (var t in e is Sum sum ? sum.Terms : [e])
        {
            if (!t.Contains(s)) b.Add(t);
            else if (t.Equals(s)) a.Add(Expr.One);
            else if (t is Product p && p.Factors.Count(f => f.Equals(s)) == 1 && p.Factors.Where(f => !f.Equals(s)).All(f => !f.Contains(s)))
                a.Add(Expr.Mul(p.Factors.Where(f => !f.Equals(s))));
            else return null;
        }
        return (Expr.Add(a), Expr.Add(b));
    }

    public IReadOnlyList<IReadOnlyDictionary<Symbol, double>> Sample(Random rng, int count, IEnumerable<Symbol> extra)
    {
        var extras = extra.Where(s => !_free.Contains(s) && _definitions.All(d => !d.Symbol.Equals(s))).Distinct().ToList();
        var points = new List<IReadOnlyDictionary<Symbol, double>>(count);
        var rejectedBy = new Dictionary<string, int>();
        int attempts = 0, limit = 1000 + 200 * count;
        while (points.Count < count)
        {
            if (++attempts > limit)
            {
                var worst = rejectedBy.Count == 0 ? "an empty range" : rejectedBy.MaxBy(kv => kv.Value).Key;
                throw new InvalidOperationException(
                    $"Found only {points.Count} of {count} admissible points in {limit} attempts; most draws failed on {worst}.");
            }
            var point = TryDraw(rng, extras, out var failure);
            if (point is null) { rejectedBy[failure!] = rejectedBy.GetValueOrDefault(failure!) + 1; continue; }
            points.Add(point);
        }
        return points;
    }

    Dictionary<Symbol, double>? TryDraw(Random rng, List<Symbol> extras, out string? failure)
    {
        var point = new Dictionary<Symbol, double>();
        foreach (var s in extras) point[s] = Draw(rng, ToDoubles(Interval.FromSign(IntervalRules.Declared(s))));
        var pending = new List<(Symbol Symbol, Expr Value, Relation Relation)>(_definitions);
        foreach (var s in _free)
        {
            if (!Define(pending, point, out failure)) return null;
            var range = ToDoubles(_bounds(s));
            foreach (var (a, b, sign) in _affine[s])
            {
                if (!a.FreeSymbols().Concat(b.FreeSymbols()).All(point.ContainsKey)) continue;
                var av = Evaluator.Evaluate(a, point); var bv = Evaluator.Evaluate(b, point);
                if (!double.IsFinite(av) || !double.IsFinite(bv) || av == 0) continue;
                range = range.Narrow(-bv / av, av > 0 ? sign : sign.Negate());
            }
            if (range.IsEmpty) { failure = $"no room left for {s.Name}"; return null; }
            point[s] = Draw(rng, range);
        }
        if (!Define(pending, point, out failure)) return null;
        failure = Violation(_relations, point);
        return failure is null ? point : null;
    }

    /// <summary>Computes the defined symbols whose definitions can now be evaluated (so later draws can lean on them).</summary>
    static bool Define(List<(Symbol Symbol, Expr Value, Relation Relation)> pending, Dictionary<Symbol, double> point, out string? failure)
    {
        failure = null;
        for (int i = 0; i < pending.Count; i++)
        {
            var (s, value, _) = pending[i];
            if (!value.FreeSymbols().All(point.ContainsKey)) continue;
            var v = Evaluator.Evaluate(value, point);
            if (!double.IsFinite(v)) { failure = $"{s.Name} = {value} undefined"; return false; }
            point[s] = v;
            pending.RemoveAt(i);
            i = -1;   // a new value may unlock an earlier definition
        }
        return true;
    }

    /// <summary>A range of doubles with open or closed ends.</summary>
    readonly record struct Range(double Lo, bool LoClosed, double Hi, bool HiClosed)
    {
        public bool IsEmpty => Lo > Hi || (Lo == Hi && !(LoClosed && HiClosed));
        Range Lower(double x, bool closed) => x > Lo || (x == Lo && !closed) ? this with { Lo = x, LoClosed = closed } : this;
        Range Upper(double x, bool closed) => x < Hi || (x == Hi && !closed) ? this with { Hi = x, HiClosed = closed } : this;

        /// <summary>Narrowed by "s - c has a sign in sign".</summary>
        public Range Narrow(double c, SignSet sign) => sign switch
        {
            SignSet.Positive => Lower(c, false),
            SignSet.NonNegative => Lower(c, true),
            SignSet.Negative => Upper(c, false),
            SignSet.NonPositive => Upper(c, true),
            SignSet.Zero => Lower(c, true).Upper(c, true),
            _ => this,
        };
    }

    static Range ToDoubles(Interval i) =>
        new(i.Lo is { } l ? l.ToDouble() : double.NegativeInfinity, i.LoClosed,
         i.Hi is { } h ? h.ToDouble() : double.PositiveInfinity, i.HiClosed);

    /// <summary>A value in the range: uniform, with extra weight near the ends and on closed ends.</summary>
    static double Draw(Random rng, Range range)
    {
        var (lo, loClosed, hi, hiClosed) = range;
        for (int attempt = 0; attempt < 20; attempt++)
        {
            var v = Candidate(rng, lo, loClosed, hi, hiClosed);
            if ((loClosed ? v >= lo : v > lo) && (hiClosed ? v <= hi : v < hi)) return v;
        }
        var mid = double.IsFinite(lo) && double.IsFinite(hi) ? lo + (hi - lo) / 2 : double.IsFinite(lo) ? lo + 1 : double.IsFinite(hi) ? hi - 1 : 0;
        return mid;
    }

    static double Candidate(Random rng, double lo, bool loClosed, double hi, bool hiClosed)
    {
        var r = rng.NextDouble();
        var u = rng.NextDouble();
        if (r < 0.04 && loClosed) return lo;
        if (r < 0.08 && hiClosed) return hi;
        if (double.IsFinite(lo) && double.IsFinite(hi))
        {
            var width = hi - lo;
            if (r < 0.18) return lo + width * 1e-3 * u;
            if (r < 0.28) return hi - width * 1e-3 * u;
            return lo + width * u;
        }
        var offset = Math.Pow(10, -3 + 5 * u);   // log-uniform in [1e-3, 1e2]
        if (double.IsFinite(lo)) return lo + Math.Max(1, Math.Abs(lo)) * Math.Min(offset, Reach);
        if (double.IsFinite(hi)) return hi - Math.Max(1, Math.Abs(hi)) * Math.Min(offset, Reach);
        return r < 0.5 ? offset / 10 : -offset / 10;
    }

    /// <summary>The first relation the point breaks, shown with the values of its sides, or null.</summary>
    public static string? Violation(IReadOnlyList<Relation> relations, IReadOnlyDictionary<Symbol, double> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        foreach (var r in relations)
        {
            var missing = r.Left.FreeSymbols().Union(r.Right.FreeSymbols()).Where(s => !point.ContainsKey(s)).Select(s => s.Name).ToList();
            if (missing.Count > 0)
                throw new ArgumentException($"The point gives no value for {string.Join(", ", missing.OrderBy(x => x, StringComparer.Ordinal))}, which {r} needs.", nameof(point));
            double left, right;
            try { left = Evaluator.Evaluate(r.Left, point); right = Evaluator.Evaluate(r.Right, point); }
            catch (EvaluationException ex) { return $"{r} (cannot be evaluated: {ex.Message})"; }
            if (!double.IsFinite(left) || !double.IsFinite(right) || !Relation.Holds(left, r.Operator, right))
                return $"{r} ({Format(left)} vs {Format(right)})";
        }
        return null;
    }

    static string Format(double x) => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
