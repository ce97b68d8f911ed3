namespace Verify.Reports.Baselines;

/// <summary>
/// What changed between two baselines: forms and kinds of every quantity per regime and phase,
/// thresholds, and claim verdicts. Evidence alone changing is not a change (its wording may
/// carry numbers of the search); a verdict, a form or a kind is.
/// </summary>
public static class BaselineComparer
{
    /// <param name="claims">False: the derivations only.</param>
    public static IReadOnlyList<Change> Compare(Baseline old, Baseline now, bool claims = true)
    {
        var changes = new List<Change>();
        Regimes(old, now, changes);
        if (claims) Claims(old, now, changes);
        return changes;
    }

    static void Regimes(Baseline old, Baseline now, List<Change> changes)
    {
        var oldRegimes = old.Regimes.ToDictionary(r => r.Name);
        var newRegimes = now.Regimes.ToDictionary(r => r.Name);
        foreach (var r in old.Regimes.Where(r => !newRegimes.ContainsKey(r.Name)))
            changes.Add(new Change(ChangeKind.Removed, $"regime {r.Name}", null, null));
        foreach (var r in now.Regimes)
        {
            if (!oldRegimes.TryGetValue(r.Name, out var before))
            {
                changes.Add(new Change(ChangeKind.Added, $"regime {r.Name}", null, null));
                continue;
            }
            Phases(before, r, changes);
            Thresholds(before, r, changes);
        }
    }

    static void Phases(RegimeRecord old, RegimeRecord now, List<Change> changes)
    {
        var oldPhases = old.Phases.ToDictionary(p => p.Key);
        var newPhases = now.Phases.ToDictionary(p => p.Key);
        foreach (var p in old.Phases.Where(p => !newPhases.ContainsKey(p.Key)))
            changes.Add(new Change(ChangeKind.Removed, $"phase {p.Key}", null, null));
        foreach (var p in now.Phases)
        {
            if (!oldPhases.TryGetValue(p.Key, out var before))
            {
                changes.Add(new Change(ChangeKind.Added, $"phase {p.Key}", null, null));
                continue;
            }
            var oldQuantities = before.Quantities.ToDictionary(q => q.Name);
            var newQuantities = p.Quantities.ToDictionary(q => q.Name);
            foreach (var q in before.Quantities.Where(q => !newQuantities.ContainsKey(q.Name)))
                changes.Add(new Change(ChangeKind.Removed, $"{p.Key} {q.Name}", q.Form, null));
            foreach (var q in p.Quantities)
            {
                if (!oldQuantities.TryGetValue(q.Name, out var was))
                    changes.Add(new Change(ChangeKind.Added, $"{p.Key} {q.Name}", null, q.Form));
                else if (Differ(was.Kind, was.Form, q.Kind, q.Form) is { } kind)
                    changes.Add(new Change(kind, $"{p.Key} {q.Name}", was.Form, q.Form));
            }
        }
    }

    static void Thresholds(RegimeRecord old, RegimeRecord now, List<Change> changes)
    {
        var oldThresholds = old.Thresholds.ToDictionary(t => t.Name);
        var newThresholds = now.Thresholds.ToDictionary(t => t.Name);
        foreach (var t in old.Thresholds.Where(t => !newThresholds.ContainsKey(t.Name)))
            changes.Add(new Change(ChangeKind.Removed, $"{old.Name} {t.Name}", t.Form, null));
        foreach (var t in now.Thresholds)
        {
            var subject = $"{now.Name} {t.Name}";
            if (!oldThresholds.TryGetValue(t.Name, out var was))
                changes.Add(new Change(ChangeKind.Added, subject, null, t.Form ?? t.Failure));
            else if (was.Form is not null && t.Form is null)
                changes.Add(new Change(ChangeKind.NoLongerDerived, subject, was.Form, null, t.Failure));
            else if (was.Form is null && t.Form is not null)
                changes.Add(new Change(ChangeKind.NowDerived, subject, null, t.Form, was.Failure));
            else if (was.Form is not null && Differ(was.Kind!, was.Form, t.Kind!, t.Form!) is { } kind)
                changes.Add(new Change(kind, subject, was.Form, t.Form));
        }
    }

    static ChangeKind? Differ(string oldKind, string oldForm, string newKind, string newForm) =>
        oldKind != newKind ? (newKind == "implicit" ? ChangeKind.BecameImplicit : ChangeKind.GainedClosedForm)
        : oldForm != newForm ? ChangeKind.FormChanged
        : null;

    static void Claims(Baseline old, Baseline now, List<Change> changes)
    {
        var oldClaims = old.Claims.ToDictionary(c => c.Key);
        var newClaims = now.Claims.ToDictionary(c => c.Key);
        foreach (var c in now.Claims)
        {
            if (!oldClaims.TryGetValue(c.Key, out var was))
                changes.Add(new Change(ChangeKind.ClaimAdded, c.Key, null, c.Verdict, c.Evidence));
            else if (NotEvaluable(c) && !NotEvaluable(was))
                changes.Add(new Change(ChangeKind.NoLongerEvaluable, c.Key, was.Verdict, c.Verdict, c.Evidence));
            else if (was.Verdict != c.Verdict)
                changes.Add(new Change(ChangeKind.VerdictChanged, c.Key, was.Verdict, c.Verdict, c.Evidence));
        }
        foreach (var c in old.Claims.Where(c => !newClaims.ContainsKey(c.Key)))
            changes.Add(new Change(ChangeKind.ClaimRemoved, c.Key, c.Verdict, null));
    }

    /// <summary>The checker's words for a claim it could not read or an assertion it could not evaluate.</summary>
    public static bool NotEvaluable(ClaimRecord c) =>
        c.Evidence.StartsWith("cannot be checked", StringComparison.Ordinal)
        || c.Details.Any(d => d.Contains("cannot be evaluated", StringComparison.Ordinal));
}
