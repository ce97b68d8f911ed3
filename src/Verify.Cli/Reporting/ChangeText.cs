using Verify.Reports;
using Verify.Reports.Baselines;

namespace Verify.Cli.Reporting;

/// <summary>The human form of 'verify compare': the derivation changes, then the claim changes, each with old and new.</summary>
static class ChangeText
{
    public static void Write(TextWriter w, Baseline baseline, CompareRun.Outcome outcome, string model, string claimsOrigin)
    {
        w.WriteLine($"compared {model} (claims: {claimsOrigin}) with the baseline of {baseline.Model} ({baseline.Draws} draws, seed {baseline.Seed})");
        if (outcome.Unchanged)
        {
            w.WriteLine("nothing changed");
            return;
        }
        var derivations = outcome.Changes.Where(c => !c.IsClaim).ToList();
        var claims = outcome.Changes.Where(c => c.IsClaim).ToList();
        if (derivations.Count > 0)
        {
            w.WriteLine();
            w.WriteLine($"derivations ({derivations.Count} changes):");
            foreach (var c in derivations) Derivation(w, c);
        }
        if (claims.Count > 0)
        {
            w.WriteLine();
            w.WriteLine($"claims ({claims.Count} changes):");
            foreach (var c in claims) Claim(w, c);
        }
        w.WriteLine();
        w.WriteLine($"{outcome.Changes.Count} change(s)");
    }

    static void Derivation(TextWriter w, Change c)
    {
        w.WriteLine($"  {c.Subject}: {c.KindName}");
        if (c.Old is not null) w.WriteLine($"    old: {c.Old}");
        if (c.New is not null) w.WriteLine($"    new: {c.New}");
        if (c.Detail is not null) w.WriteLine($"    why: {c.Detail}");
    }

    static void Claim(TextWriter w, Change c)
    {
        var verdicts = c.Old is not null && c.New is not null ? $"{c.Old} -> {c.New}" : c.Old ?? c.New ?? "";
        w.WriteLine($"  {c.Subject}: {c.KindName}{(verdicts.Length > 0 ? $" ({verdicts})" : "")}");
        if (c.Detail is not null) w.WriteLine($"    evidence: {c.Detail}");
    }
}
