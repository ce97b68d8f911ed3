using System.Globalization;
using Verify.Reports.Baselines;

namespace Verify.Reports.Content;

/// <summary>A claim's decisions as the baseline records them, in the claim's regime order.</summary>
public static class VerdictViews
{
    public static IReadOnlyList<VerdictView> For(Baseline baseline, string claimId, IEnumerable<string> regimes) =>
        regimes.Select(r => baseline.Claims.FirstOrDefault(c => c.Id == claimId && c.Regime == r) is { } c
            ? Of(c)
            : new VerdictView($"{claimId}@{r}", r, "not decided", null, "not in the baseline: run 'verify report' again", [], [], 0)).ToList();

    public static VerdictView Of(ClaimRecord c) => new(c.Key, c.Regime, c.Verdict, c.Pinned, c.Evidence, c.Details,
        (c.Counterexample ?? []).Select(v => (v.Name, Number(v.Value))).ToList(), c.Draws);

    public static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
