using Verify.Derivation;
using Verify.Derivation.Results;
using Verify.Derivation.Steps;
using Verify.Model.Language;
using Verify.Reports.Baselines;
using Verify.Symbolic.Core;

namespace Verify.Reports.Content;

/// <summary>Builds the derivation sections of a page: a phase's steps and final forms, or a threshold's.</summary>
public sealed class DerivationViews(MathNotation notation)
{
    public static string PhaseAnchor(PhaseDerivation p) => Slug($"derivation-{p.Key}");

    public static string ThresholdAnchor(RegimeDerivation r, ThresholdDerivation t) => Slug($"threshold-{r.Regime.Name}-{t.Threshold.Symbol.Name}");

    static string Slug(string s) => new(s.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>Every step of the phase, and the final forms of the given names that the phase defines.</summary>
    public DerivationView Phase(PhaseDerivation phase, IEnumerable<string> names)
    {
        var n = notation.In(phase);
        // In the derivation's own order, so the page does not depend on the order the names were gathered in.
        var wanted = names.ToHashSet();
        var values = phase.Values.Values.Where(v => wanted.Contains(v.Symbol.Name)).ToList();
        var results = values.Select(v => new ResultView(v.Symbol.Name, n.Symbol(v.Symbol.Name), v.Description,
            BaselineBuilder.KindName(v.Kind), n.Show(v.Value), null)).ToList();
        var implicits = phase.ImplicitUnknowns
            .Where(i => values.Any(v => v.Value.Any(x => x is Call c && c.Name == i.FunctionName)))
            .Select(i => new ImplicitView(n.Symbol(i.Unknown.Name),
                n.Print(i.Condition?.AsRelation() ?? new Relation(i.Residual, RelationOperator.Equal, Expr.Zero)),
                i.Domain.Select(n.Print).ToList()))
            .ToList();
        var title = phase.Phase is null ? $"regime {phase.Regime.Name}" : $"regime {phase.Regime.Name}, phase {phase.Phase.Name}";
        var description = phase.Phase?.Description ?? phase.Regime.Description;
        return new DerivationView(PhaseAnchor(phase), title, description, Steps(phase.Steps, n, values.Select(v => v.Symbol.Name)), results, implicits);
    }

    public DerivationView Threshold(RegimeDerivation regime, ThresholdDerivation t)
    {
        var phase = regime.Phases.First(p => p.Key == t.PhaseKey);
        var n = notation.In(phase);
        var name = t.Threshold.Symbol.Name;
        var result = new ResultView(name, n.Symbol(name), t.Threshold.Description,
            t.Value is null ? "not derived" : BaselineBuilder.KindName(t.Kind), t.Value is null ? null : n.Show(t.Value), t.Failure);
        var title = $"threshold {name} in regime {regime.Regime.Name} (phase {t.PhaseKey})";
        var description = $"the value of {t.Threshold.For.Name} at which {t.Threshold.Left} = {t.Threshold.Right}";
        return new DerivationView(ThresholdAnchor(regime, t), title, description, Steps(t.Steps, n, [name]), [result], []);
    }

    static IReadOnlyList<StepView> Steps(IReadOnlyList<DerivationStep> steps, MathNotation n, IEnumerable<string> names)
    {
        var wanted = names.ToHashSet();
        return steps.Select((s, i) => new StepView(i + 1, s.Rule,
            s.Before is null ? null : n.Print(s.Before),
            s.After is null ? null : n.Print(s.After),
            s.Conditions, s.Note, Defines(s, wanted))).ToList();
    }

    /// <summary>A step gives a name when its result has the name (or a power of it) on the left.</summary>
    static bool Defines(DerivationStep s, IReadOnlySet<string> names) => s.After?.Left switch
    {
        Symbol x => names.Contains(x.Name),
        Power { Base: Symbol b } => names.Contains(b.Name),
        _ => false,
    };

    /// <summary>
    /// The names and every derived name their model definitions are built on (a quantity's
    /// definition, a threshold's two sides), so a page shows how its quantities' parts were found.
    /// </summary>
    public static IReadOnlyList<string> WithParts(ModelDocument model, Regime regime, IEnumerable<string> names)
    {
        var derived = ClaimMath.DerivedNames(model, regime);
        var result = new List<string>();
        var queue = new Queue<string>(names);
        while (queue.Count > 0)
        {
            var name = queue.Dequeue();
            if (result.Contains(name)) continue;
            result.Add(name);
            var parts = regime.Quantities.Concat(regime.Phases.SelectMany(p => p.Quantities))
                .Where(q => q.Symbol.Name == name).SelectMany(q => q.Definition.FreeSymbols())
                .Concat(regime.Thresholds.Where(t => t.Symbol.Name == name).SelectMany(t => t.Left.FreeSymbols().Concat(t.Right.FreeSymbols())));
            foreach (var s in parts.Select(s => s.Name).Where(derived.Contains).Distinct().Order(StringComparer.Ordinal)) queue.Enqueue(s);
        }
        return result;
    }
}
