using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>
/// Maps unconstrained coordinates z to values x inside the unknowns' domains, so that no iterate
/// ever leaves them: lo + e^z for x &gt; lo, hi − e^z for x &lt; hi, a logistic curve for
/// lo &lt; x &lt; hi, and x = z when unbounded. Bounds may refer to other unknowns, so values are
/// produced in an order where every bound's unknowns come first. A non-strict bound is moved
/// out by a small margin of its size so the root may lie on it (one at 0 is approached instead).
/// </summary>
sealed class DomainMap
{
    enum Kind { Free, Lower, Upper, Interval }

    readonly Kind[] _kinds;
    readonly Func<double[], double>?[] _lower, _upper;
    readonly bool[] _lowerStrict, _upperStrict;
    readonly int[] _order;
    readonly double[] _frame;          // unknowns, then known values: the bounds' inputs
    readonly Symbol[] _known;

    public int Count => _kinds.Length;

    /// <summary>The fraction of its own size by which a non-strict bound is moved out.</summary>
    public double Margin { get; set; } = 1e-9;

    DomainMap(RawSystem system, int[] order)
    {
        var unknowns = system.Unknowns;
        int n = unknowns.Count;
        _order = order;
        _known = system.Known.Keys.ToArray();
        var parameters = unknowns.Select(u => u.Symbol).Concat(_known).ToArray();
        _frame = new double[parameters.Length];
        SetKnown(system.Known);

        _kinds = new Kind[n];
        _lower = new Func<double[], double>?[n];
        _upper = new Func<double[], double>?[n];
        _lowerStrict = new bool[n];
        _upperStrict = new bool[n];
        for (int i = 0; i < n; i++)
        {
            var u = unknowns[i];
            _kinds[i] = (u.Lower, u.Upper) switch
            {
                (null, null) => Kind.Free,
                (_, null) => Kind.Lower,
                (null, _) => Kind.Upper,
                _ => Kind.Interval,
            };
            if (u.Lower is not null) _lower[i] = CompiledExpression.Compile(u.Lower, parameters, system.Functions);
            if (u.Upper is not null) _upper[i] = CompiledExpression.Compile(u.Upper, parameters, system.Functions);
            _lowerStrict[i] = u.LowerStrict;
            _upperStrict[i] = u.UpperStrict;
        }
    }

    /// <summary>New known values (every known symbol of the system must have one).</summary>
    public void SetKnown(IReadOnlyDictionary<Symbol, double> known)
    {
        for (int i = 0; i < _known.Length; i++) _frame[_frame.Length - _known.Length + i] = known[_known[i]];
    }

    /// <summary>The map, or the reason there is none (bounds that refer to each other in a cycle).</summary>
    public static (DomainMap? Map, string? Problem) Create(RawSystem system)
    {
        var symbols = system.Unknowns.Select(u => u.Symbol).ToList();
        var needs = system.Unknowns.Select(u =>
            new[] { u.Lower, u.Upper }.Where(b => b is not null)
                .SelectMany(b => b!.FreeSymbols()).Select(s => symbols.IndexOf(s)).Where(j => j >= 0).ToHashSet()).ToArray();
        var order = new List<int>();
        var placed = new bool[symbols.Count];
        while (order.Count < symbols.Count)
        {
            var next = Enumerable.Range(0, symbols.Count).FirstOrDefault(i => !placed[i] && needs[i].All(j => placed[j]), -1);
            if (next < 0)
            {
                var stuck = Enumerable.Range(0, symbols.Count).Where(i => !placed[i]).Select(i => symbols[i].Name);
                return (null, $"the bounds of {string.Join(", ", stuck)} refer to each other in a cycle");
            }
            placed[next] = true;
            order.Add(next);
        }
        return (new DomainMap(system, [.. order]), null);
    }

    /// <summary>Values for coordinates z; false when some bound is undefined or the domain is empty there.</summary>
    public bool TryToValues(ReadOnlySpan<double> z, Span<double> x) => TryMap(z, x, scan: false);

    /// <summary>As <see cref="TryToValues"/>, but an unbounded unknown is spread out as sinh(u) so a scan reaches far.</summary>
    public bool TryScanValue(ReadOnlySpan<double> u, Span<double> x) => TryMap(u, x, scan: true);

    bool TryMap(ReadOnlySpan<double> z, Span<double> x, bool scan)
    {
        foreach (var i in _order)
        {
            if (!TryBounds(i, out var lo, out var hi)) return false;
            var zi = z[i];
            double xi = _kinds[i] switch
            {
                Kind.Free => scan ? Math.Sinh(zi) : zi,
                Kind.Lower => lo + Math.Exp(zi),
                Kind.Upper => hi - Math.Exp(zi),
                _ => zi <= 0 ? lo + (hi - lo) * Logistic(zi) : hi - (hi - lo) * Logistic(-zi),
            };
            if (!double.IsFinite(xi)) return false;
            x[i] = xi;
            _frame[i] = xi;
        }
        return true;
    }

    /// <summary>Coordinates of values (a starting guess); values on or beyond a bound are pulled just inside.</summary>
    public bool TryToCoordinates(ReadOnlySpan<double> x, Span<double> z, bool scan = false)
    {
        foreach (var i in _order)
        {
            _frame[i] = x[i];
            if (!TryBounds(i, out var lo, out var hi)) return false;
            z[i] = _kinds[i] switch
            {
                Kind.Free => scan ? Math.Asinh(x[i]) : x[i],
                Kind.Lower => Math.Log(Math.Max(x[i] - lo, 1e-300)),
                Kind.Upper => Math.Log(Math.Max(hi - x[i], 1e-300)),
                _ => Logit(Math.Clamp((x[i] - lo) / (hi - lo), 1e-15, 1 - 1e-15)),
            };
        }
        return true;
    }

    /// <summary>The effective bounds of unknown i (non-strict ones widened), from the values placed so far.</summary>
    bool TryBounds(int i, out double lo, out double hi)
    {
        lo = _lower[i] is { } l ? l(_frame) : double.NegativeInfinity;
        hi = _upper[i] is { } u ? u(_frame) : double.PositiveInfinity;
        if (double.IsNaN(lo) || double.IsNaN(hi)) return false;
        // Each non-strict bound moves out by a fraction of its own size, so a bound at 0 stays put: a
        // root just above it (aR = 7e-23 when alpha is small) keeps its relative precision, where a
        // shift of the domain's size would leave it as a rounding error of the shift.
        if (_lower[i] is not null && !_lowerStrict[i]) lo -= Margin * Math.Abs(lo);
        if (_upper[i] is not null && !_upperStrict[i]) hi += Margin * Math.Abs(hi);
        return _kinds[i] != Kind.Interval || (double.IsFinite(lo) && double.IsFinite(hi) && hi > lo);
    }

    /// <summary>
    /// Whether values lie in the declared (unwidened) domain; the first violation otherwise. A value
    /// on the wrong side of a non-strict bound by less than <paramref name="slack"/> times the
    /// bound's scale is rounding, not a violation.
    /// </summary>
    public string? Violation(ReadOnlySpan<double> x, IReadOnlyList<RawUnknown> unknowns, double slack)
    {
        foreach (var i in _order) _frame[i] = x[i];
        for (int i = 0; i < Count; i++)
        {
            var lo = _lower[i]?.Invoke(_frame);
            var hi = _upper[i]?.Invoke(_frame);
            var below = lo is { } a && (_lowerStrict[i] ? x[i] <= a : x[i] < a - slack * Math.Max(1, Math.Abs(a)));
            var above = hi is { } b && (_upperStrict[i] ? x[i] >= b : x[i] > b + slack * Math.Max(1, Math.Abs(b)));
            if (below || above)
                return $"{unknowns[i].Symbol.Name} = {x[i]:R} lies outside its domain {unknowns[i]} ({(below ? $"bound {lo:R}" : $"bound {hi:R}")})";
        }
        return null;
    }

    static double Logistic(double z) => 1 / (1 + Math.Exp(-z));
    static double Logit(double t) => Math.Log(t / (1 - t));
}
