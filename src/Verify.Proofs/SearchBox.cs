using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Proofs;

/// <summary>One box of the search: a closed range per dimension (in the prover's symbol order) and its split depth.</summary>
internal sealed class SearchBox(double[] lo, double[] hi, int depth)
{
    public double[] Lo { get; } = lo;
    public double[] Hi { get; } = hi;
    public int Depth { get; } = depth;

    public Dictionary<Symbol, Interval> ToIntervals(IReadOnlyList<Symbol> symbols)
    {
        var d = new Dictionary<Symbol, Interval>(symbols.Count);
        for (int i = 0; i < symbols.Count; i++) d[symbols[i]] = new Interval(Lo[i], Hi[i]);
        return d;
    }

    /// <summary>The midpoint of every range (written so that it cannot overflow).</summary>
    public double[] Centre()
    {
        var c = new double[Lo.Length];
        for (int i = 0; i < c.Length; i++) c[i] = Lo[i] == Hi[i] ? Lo[i] : Lo[i] / 2 + Hi[i] / 2;
        return c;
    }

    public UndecidedBox Describe(IReadOnlyList<Symbol> symbols, string reason)
    {
        var ranges = new Dictionary<Symbol, (double Lo, double Hi)>(symbols.Count);
        for (int i = 0; i < symbols.Count; i++) ranges[symbols[i]] = (Lo[i], Hi[i]);
        return new UndecidedBox(ranges, Depth, reason);
    }
}
