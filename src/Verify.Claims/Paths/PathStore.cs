using System.Collections.Concurrent;
using Verify.Derivation.Dynamics;

namespace Verify.Claims.Paths;

/// <summary>
/// The paths followed during one check, shared by its claims and its workers: claims that draw the same
/// points of the same dynamic regimes (R7.general-long-run and R7.general-sn) follow each path once. A
/// path is a function of its key (regime, tolerance, parameters, discounted quantities), so whichever
/// worker follows it first, the others read the same numbers; a worker asking for a path another is
/// following waits for it. A failure to follow a path is remembered as the path is.
/// </summary>
public sealed class PathStore
{
    /// <summary>Paths kept before the store starts afresh (each holds every series at every step).</summary>
    public const int Capacity = 20_000;

    readonly ConcurrentDictionary<string, Lazy<SimulationResult>> _paths = new(StringComparer.Ordinal);

    public SimulationResult GetOrFollow(string key, Func<SimulationResult> follow)
    {
        if (_paths.Count > Capacity) _paths.Clear();
        return _paths.GetOrAdd(key, _ => new Lazy<SimulationResult>(follow, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }
}
