namespace Verify.Model.Language;

/// <summary>
/// The checks on a regime's conditions: labels are unique, drops and hints name conditions that
/// exist, and no phase (or the regime, when it has none) has more unknowns than conditions.
/// </summary>
static class RegimeChecks
{
    public static void Check(SourceText source, RegimeSyntax syntax, Regime regime)
    {
        var regimeLabels = UniqueLabels(source, syntax.Conditions, new Dictionary<string, int>(StringComparer.Ordinal));
        var anyPhaseLabels = new HashSet<string>(StringComparer.Ordinal);

        foreach (var p in syntax.Phases)
        {
            var dropped = new HashSet<string>(StringComparer.Ordinal);
            foreach (var d in p.Dropped)
            {
                if (!regimeLabels.ContainsKey(d.Text))
                    throw source.Error(d.Offset, $"cannot drop '{d.Text}': regime '{syntax.Name.Text}' has no condition labelled '{d.Text}'");
                if (!dropped.Add(d.Text))
                    throw source.Error(d.Offset, $"condition '{d.Text}' is dropped twice in phase '{p.Name.Text}'");
            }
            // A phase may state its own version of a regime condition only after dropping that one.
            var kept = regimeLabels.Where(kv => !dropped.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            var phaseLabels = UniqueLabels(source, p.Conditions, kept);
            anyPhaseLabels.UnionWith(p.Conditions.Select(c => c.Label.Text));
            CheckHints(source, p.Hints, phaseLabels.Keys.ToHashSet(), $"phase '{p.Name.Text}'", dropped);

            var fixedUnknowns = p.Fixes.Select(f => f.Name.Text).Intersect(syntax.Unknowns.Select(u => u.Name.Text)).Count();
            CheckCount(source, p.Name.Offset, $"phase '{p.Name.Text}' of regime '{syntax.Name.Text}'",
                syntax.Unknowns.Count - fixedUnknowns, phaseLabels.Count, fixedUnknowns, dropped.Count);
        }

        // Regime-level hints run before any phase is chosen, but may name the phases' conditions.
        CheckHints(source, syntax.Hints, regimeLabels.Keys.Concat(anyPhaseLabels).ToHashSet(), $"regime '{syntax.Name.Text}'", []);
        if (syntax.Phases.Count == 0)
            CheckCount(source, syntax.Name.Offset, $"regime '{syntax.Name.Text}'", syntax.Unknowns.Count, syntax.Conditions.Count, 0, 0);
    }

    /// <summary>The labels of <paramref name="conditions"/> added to <paramref name="visible"/> (label → offset), each new.</summary>
    static Dictionary<string, int> UniqueLabels(SourceText source, List<ConditionSyntax> conditions, Dictionary<string, int> visible)
    {
        var labels = new Dictionary<string, int>(visible, StringComparer.Ordinal);
        foreach (var c in conditions)
            if (!labels.TryAdd(c.Label.Text, c.At))
                throw source.Error(c.Label.Offset,
                    $"duplicate condition label '{c.Label.Text}': already used at line {source.Position(labels[c.Label.Text]).Line}");
        return labels;
    }

    static void CheckHints(SourceText source, List<HintSyntax> hints, HashSet<string> labels, string where, HashSet<string> dropped)
    {
        foreach (var h in hints)
        {
            var named = h switch
            {
                SolveHintSyntax s => s.Conditions,
                CombineHintSyntax c => [c.First, c.Second],
                _ => [],
            };
            foreach (var n in named)
            {
                if (dropped.Contains(n.Text))
                    throw source.Error(n.Offset, $"hint names condition '{n.Text}', which {where} drops");
                if (!labels.Contains(n.Text))
                    throw source.Error(n.Offset, $"hint names condition '{n.Text}', which {where} does not have");
            }
        }
    }

    static void CheckCount(SourceText source, int offset, string what, int unknowns, int conditions, int fixedUnknowns, int dropped)
    {
        if (unknowns <= conditions) return;
        var detail = fixedUnknowns > 0 || dropped > 0 ? $" (after {fixedUnknowns} fixed unknown(s) and {dropped} dropped condition(s))" : "";
        throw source.Error(offset, $"{what} has more unknowns ({unknowns}) than conditions ({conditions}){detail}");
    }
}
