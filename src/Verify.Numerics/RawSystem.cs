using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Numerics;

/// <summary>
/// Equilibrium conditions as written, before any closed form is derived: the conditions, the
/// unknowns they pin, and the values of everything else (parameters, values carried over from an
/// earlier solution). <paramref name="Functions"/> gives numeric meaning to calls that are not
/// built in.
/// </summary>
public sealed record RawSystem(
    IReadOnlyList<RawCondition> Conditions,
    IReadOnlyList<RawUnknown> Unknowns,
    IReadOnlyDictionary<Symbol, double> Known,
    FunctionTable? Functions = null)
{
    /// <summary>The same system with other known values (a new parameter point).</summary>
    public RawSystem WithKnown(IReadOnlyDictionary<Symbol, double> known) => this with { Known = known };
}
