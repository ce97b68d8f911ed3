using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>
/// An unknown with its domain. Each bound is an expression in the known values and in other
/// unknowns (aR between 0 and aD, say), or null when that side is unbounded. A strict bound is
/// never reached; a non-strict one may be, so the solver lets iterates touch it.
/// </summary>
public sealed record RawUnknown(Symbol Symbol, Expr? Lower, Expr? Upper, bool LowerStrict = true, bool UpperStrict = true)
{
    /// <summary>x &gt; 0.</summary>
    public static RawUnknown Positive(Symbol s) => new(s, Expr.Zero, null);

    /// <summary>lo &lt; x &lt; hi (both strict unless said otherwise).</summary>
    public static RawUnknown Between(Symbol s, Expr lower, Expr upper, bool lowerStrict = true, bool upperStrict = true) =>
        new(s, lower, upper, lowerStrict, upperStrict);

    /// <summary>Any real value.</summary>
    public static RawUnknown Free(Symbol s) => new(s, null, null);

    public override string ToString()
    {
        var lo = Lower is null ? "" : $"{Lower} {(LowerStrict ? "<" : "<=")} ";
        var hi = Upper is null ? "" : $" {(UpperStrict ? "<" : "<=")} {Upper}";
        return lo + Symbol.Name + hi;
    }
}
