using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Numerics;

/// <summary>
/// The residual vector of a raw system as a function of its unknowns. Each residual is the
/// relative gap r = (L − R)/(|L| + |R|): conditions such as B = sE/(n*C) compare quantities of
/// very different sizes, and a relative gap makes one tolerance fit them all (near a root of
/// positive sides it is ½ ln(L/R)). Every integral is pulled out once, computed by quadrature
/// and cached; the sides are compiled once, so new known values cost no recompilation.
/// </summary>
sealed class Residuals
{
    /// <summary>Integrals are computed to this relative accuracy, well inside the solver's tolerance.</summary>
    public const double QuadratureTolerance = Evaluator.QuadratureTolerance;

    readonly int _unknowns;
    readonly double[] _frame;                  // unknowns, then known values, then integral values
    readonly CachedIntegral[] _integrals;
    readonly int _integralOffset;
    readonly Action<double[], double[]> _sides;    // left of condition i at 2i, right at 2i + 1
    readonly double[] _sideValues;

    public IReadOnlyList<string> Labels { get; }
    public IReadOnlyList<Symbol> KnownSymbols { get; }
    public int Count => Labels.Count;
    public int Evaluations { get; private set; }
    public double Floor { get; set; } = 1e-200;

    public Residuals(RawSystem system)
    {
        _unknowns = system.Unknowns.Count;
        Labels = system.Conditions.Select(c => c.Label).ToArray();
        KnownSymbols = system.Known.Keys.ToArray();

        var integrals = DistinctIntegrals(system.Conditions);
        var placeholders = integrals.Select((_, k) => Expr.Sym($"∫#{k}")).ToArray();
        var symbols = system.Unknowns.Select(u => u.Symbol).Concat(KnownSymbols).Concat(placeholders).ToArray();
        _integralOffset = _unknowns + KnownSymbols.Count;
        _frame = new double[symbols.Length];
        SetKnown(system.Known);

        _integrals = integrals.Select(e => new CachedIntegral(e, symbols, system.Functions, QuadratureTolerance)).ToArray();
        var map = integrals.Select((e, k) => ((Expr)e, (Expr)placeholders[k])).ToDictionary(p => p.Item1, p => p.Item2);
        var sides = system.Conditions.SelectMany(c => new[] { c.Left.Substitute(map), c.Right.Substitute(map) }).ToArray();
        _sides = CompiledExpression.CompileMany(sides, symbols, system.Functions);
        _sideValues = new double[sides.Length];
    }

    /// <summary>New known values (every known symbol of the system must have one).</summary>
    public void SetKnown(IReadOnlyDictionary<Symbol, double> known)
    {
        for (int i = 0; i < KnownSymbols.Count; i++) _frame[_unknowns + i] = known[KnownSymbols[i]];
    }

    /// <summary>The sides at the last evaluated point: the left of condition i at 2i, the right at 2i + 1.</summary>
    public ReadOnlySpan<double> Sides => _sideValues;

    /// <summary>Quadratures actually run (cache misses), for timing reports.</summary>
    public int Quadratures => _integrals.Sum(i => i.Quadratures);

    /// <summary>The largest relative error estimate among the integrals at the last evaluated point.</summary>
    public double LastQuadratureError => _integrals.Length == 0 ? 0 : _integrals.Max(i => i.LastRelativeError);

    /// <summary>Fills <paramref name="r"/>; false when some side is undefined (NaN, infinite) at <paramref name="x"/>.</summary>
    public bool TryEvaluate(ReadOnlySpan<double> x, Span<double> r)
    {
        Evaluations++;
        x.CopyTo(_frame);
        try
        {
            for (int k = 0; k < _integrals.Length; k++)
            {
                var v = _integrals[k].Value(_frame);
                if (!double.IsFinite(v)) return false;
                _frame[_integralOffset + k] = v;
            }
            _sides(_frame, _sideValues);
        }
        catch (EvaluationException)
        {
            return false;   // a function without meaning at this point; the caller treats it as outside the domain
        }
        for (int i = 0; i < Count; i++)
        {
            var left = _sideValues[2 * i];
            var right = _sideValues[2 * i + 1];
            if (!double.IsFinite(left) || !double.IsFinite(right)) return false;
            r[i] = (left - right) / Math.Max(Math.Abs(left) + Math.Abs(right), Floor);
        }
        return true;
    }

    /// <summary>The outermost integrals, each once, in order of appearance.</summary>
    static List<Integral> DistinctIntegrals(IEnumerable<RawCondition> conditions)
    {
        var found = new List<Integral>();
        var seen = new HashSet<Expr>();
        foreach (var c in conditions) { Walk(c.Left); Walk(c.Right); }
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
