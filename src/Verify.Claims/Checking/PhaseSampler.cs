using Verify.Derivation.Evaluation;

namespace Verify.Claims.Checking;

/// <summary>The combinations of phases that occur in a claim's domain, found on a small sample (for symbolic comparisons per phase).</summary>
static class PhaseSampler
{
    public static IReadOnlyList<int[]> Observed(ClaimSetting s, QuantityExpression q, CheckOptions o, int draws = 300)
    {
        var seen = new Dictionary<string, int[]>();
        CounterexampleSearch.Run(s, (drawn, inputs) =>
        {
            var phases = q.PhasesAt(inputs);
            seen.TryAdd(string.Join("|", phases), phases);
            return true;
        }, Math.Min(draws, o.Draws), o.Seed);
        return [.. seen.Values];
    }
}
