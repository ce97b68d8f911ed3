using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>One equation Left = Right of a raw system; the sides may still contain integrals.</summary>
public sealed record RawCondition(Expr Left, Expr Right, string Label)
{
    public override string ToString() => $"{Label}: {Left} = {Right}";
}
