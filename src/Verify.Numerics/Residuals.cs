using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Numerics;

/// <summary>
/// The residual vector of a raw system as a function of its unknowns. Each residual is the
/// relative gap r = (L − R)/(|L| + |R|): conditions such as B = sE/(n*C) compare quantities of
/// very different sizes, and a relative gap makes one tolerance fit them all (near a root of
/// positive sides it is ½ ln(L/R)). The sides are compiled once with their integrals pulled out
/// (<see cref="QuadratureExpressions"/>), so new known values cost no recompilation.
/// </summary>
sealed class Residuals
{
    /// <summary>Integrals are computed to this relative accuracy, well inside the solver's tolerance.</summary>
    public const double QuadratureTolerance = Evaluator.QuadratureTolerance;

    readonly int _unknowns;
    readonly double[] _frame;                  // unknowns, then known values
    readonly QuadratureExpressions _sides;     // left of condition i at 2i, right at 2i + 1
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
        var frame = system.Unknowns.Select(u => u.Symbol).Concat(KnownSymbols).ToArray();
        _frame = new double[frame.Length];
        SetKnown(system.Known);
        var sides = system.Conditions.SelectMany(c => new[] { c.Left, c.Right }).ToArray();
        _sides = new QuadratureExpressions(sides, frame, system.Functions, QuadratureTolerance);
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
    public int Quadratures => _sides.Quadratures;

    /// <summary>The largest relative error estimate among the integrals at the last evaluated point.</summary>
    public double LastQuadratureError => _sides.LastQuadratureError;

    /// <summary>Fills <paramref name="r"/>; false when some side is undefined (NaN, infinite) at <paramref name="x"/>.</summary>
    public bool TryEvaluate(ReadOnlySpan<double> x, Span<double> r)
    {
        Evaluations++;
        x.CopyTo(_frame);
        try
        {
            if (!_sides.TryEvaluate(_frame, _sideValues)) return false;
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
}
