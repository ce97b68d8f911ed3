using System.Diagnostics;
using Verify.Claims.Checking;
using Verify.Derivation;
using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Model.Language;

namespace Verify.Claims;

/// <summary>One claim-in-a-regime set against its pinned verdict.</summary>
public sealed record CheckedClaim(ClaimResult Result, ExpectedVerdicts.Entry? Expected)
{
    public bool Matches => Expected is not null && Expected.Verdict == Result.Verdict;
}

/// <summary>
/// The main job: every claim of a claims file decided against its model, on both cores (each
/// worker derives the model once for itself, or reads it through <c>derive</c>, which must give each
/// call objects of its own: the derivation caches are not shared between threads).
/// </summary>
public static class CheckRun
{
    public sealed record Outcome(IReadOnlyList<CheckedClaim> Claims, TimeSpan Elapsed)
    {
        public bool AllMatch => Claims.All(c => c.Matches);
    }

    public static Outcome Run(ModelDocument model, ClaimDocument claims, ExpectedVerdicts? expected, CheckOptions options,
        IReadOnlyCollection<string>? onlyIds = null, Action<ClaimResult>? progress = null, Func<ModelDerivation>? derive = null)
    {
        derive ??= () => ModelDeriver.Derive(model);
        // The workers share their symbolic proof attempts (a relation asked in two claims is tried once).
        options = options.Proofs is null ? options with { Proofs = ProofStore.InMemory() } : options;
        var clock = Stopwatch.StartNew();
        var jobs = claims.Claims.Where(c => onlyIds is null || onlyIds.Contains(c.Id))
            .SelectMany(c => c.Regimes.Select(r => (Claim: c, Regime: r))).ToList();
        // Claims over paths take the longest (each draw follows whole paths): they are started first, so that the
        // short static claims fill the workers' time at the end. Claims on the same regime share their plain paths
        // (PathStore); a claim that also discounts decides that first (PathClaimChecker), so that two workers do
        // not walk the same draws at once, each waiting on the other path by path.
        var order = Enumerable.Range(0, jobs.Count).OrderBy(i => model.FindDynamic(jobs[i].Regime) is null ? 1 : 0).ThenBy(i => i).ToArray();
        var paths = new Paths.PathStore();
        var thresholds = new ThresholdValues();
        var results = new ClaimResult?[jobs.Count];
        var workers = Math.Max(1, Math.Min(Environment.ProcessorCount, 2));
        var next = -1;
        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(() =>
        {
            var checker = new ClaimChecker(new ModelEvaluator(derive()) { ThresholdValues = thresholds }, options, paths);
            int taken;
            while ((taken = Interlocked.Increment(ref next)) < jobs.Count)
            {
                var i = order[taken];
                var (claim, regime) = jobs[i];
                ClaimResult result;
                try { result = checker.Check(claim, regime); }
                catch (ClaimException e) { result = new ClaimResult(claim.Id, regime, Verdict.Undecided, $"cannot be checked: {e.Message}", [], null, options.Seed, 0); }
                // A failure inside the engine is this claim's verdict, not the end of the run.
                catch (Exception e) when (e is InvalidOperationException or ArgumentException or ArithmeticException or NotSupportedException)
                {
                    result = new ClaimResult(claim.Id, regime, Verdict.Undecided, $"the check failed: {e.GetType().Name}: {e.Message}", [], null, options.Seed, 0);
                }
                results[i] = result;
                lock (jobs) progress?.Invoke(result);
            }
        }, 64 * 1024 * 1024)).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        var checkedClaims = results.Select(r => new CheckedClaim(r!, expected?.Entries.GetValueOrDefault(r!.Key))).ToList();
        return new Outcome(checkedClaims, clock.Elapsed);
    }
}
