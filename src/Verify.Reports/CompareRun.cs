using Verify.Claims;
using Verify.Claims.Checking;
using Verify.Derivation;
using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Reports.Baselines;

namespace Verify.Reports;

/// <summary>
/// verify compare: the model re-derived and its claims re-checked with the baseline's draws and
/// seed (so that an unchanged model gives the same verdicts), then set against the baseline.
/// </summary>
public static class CompareRun
{
    public sealed record Outcome(Baseline Fresh, IReadOnlyList<Change> Changes)
    {
        public bool Unchanged => Changes.Count == 0;
    }

    /// <param name="draws">Draws per claim; the baseline's by default.</param>
    /// <param name="claims">False: compare the derivations only (no claim is checked).</param>
    public static Outcome Run(Baseline baseline, ReportSources sources, int? draws = null, bool claims = true)
    {
        var n = draws ?? baseline.Draws;
        var derivation = ModelDeriver.Derive(sources.Model);
        IReadOnlyList<CheckedClaim> decided = claims
            ? CheckRun.Run(sources.Model, sources.Claims, sources.Expected, new CheckOptions(n, baseline.Seed)).Claims
            : [];
        return Against(baseline, BaselineBuilder.From(derivation, decided, n, baseline.Seed), claims);
    }

    /// <summary>
    /// The same on one thread with a derivation already made: for a handful of claims (tests,
    /// small edits), where deriving again for each worker would cost more than it saves.
    /// </summary>
    public static Outcome Run(Baseline baseline, ModelDerivation derivation, ClaimDocument claims, int? draws = null)
    {
        var n = draws ?? baseline.Draws;
        var decided = Decide(derivation, claims, new CheckOptions(n, baseline.Seed));
        return Against(baseline, BaselineBuilder.From(derivation, decided, n, baseline.Seed), claims: true);
    }

    /// <summary>Every claim of the document decided on one thread, as verify check decides it.</summary>
    public static IReadOnlyList<CheckedClaim> Decide(ModelDerivation derivation, ClaimDocument claims, CheckOptions options)
    {
        var checker = new ClaimChecker(new ModelEvaluator(derivation), options);
        var results = new List<CheckedClaim>();
        foreach (var claim in claims.Claims)
            foreach (var regime in claim.Regimes)
            {
                ClaimResult r;
                try { r = checker.Check(claim, regime); }
                catch (ClaimException e) { r = new ClaimResult(claim.Id, regime, Verdict.Undecided, $"cannot be checked: {e.Message}", [], null, options.Seed, 0); }
                results.Add(new CheckedClaim(r, null));
            }
        return results;
    }

    static Outcome Against(Baseline baseline, Baseline fresh, bool claims) =>
        new(fresh, BaselineComparer.Compare(baseline, fresh, claims));
}
