using Verify.Derivation.Evaluation;
using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Cli.Modeling;

/// <summary>
/// The parameters a regime's names can depend on, read from the model file before anything is
/// derived: its conditions, fixes, quantities, phases and thresholds with the file's functions
/// inlined and derived parameters written out, and those of the regimes it carries values from.
/// Autarky never mentions phi, so a point for it needs no phi.
/// </summary>
static class RegimeInputs
{
    public static IReadOnlySet<string> Needed(ModelDocument model, IEnumerable<string> regimes)
    {
        var derived = model.Derived.ToDictionary(d => (Expr)d.Symbol, d => d.Definition);
        var parameters = model.Parameters.Select(p => p.Symbol.Name).ToHashSet(StringComparer.Ordinal);
        var needed = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in regimes) Visit(name);
        return needed;

        void Visit(string name)
        {
            if (!seen.Add(name) || model.FindRegime(name) is not { } regime) return;
            foreach (var e in Expressions(regime))
                foreach (var s in model.Inline(e).Substitute(derived).FreeSymbols())
                    if (parameters.Contains(s.Name)) needed.Add(s.Name);
            foreach (var carry in regime.Carried) Visit(carry.FromRegime);
        }
    }

    /// <summary>Every expression of the regime that goes into its derived names (a threshold's own variable excluded: it is the answer).</summary>
    static IEnumerable<Expr> Expressions(Regime r)
    {
        foreach (var f in r.Fixes) yield return f.Value;
        foreach (var c in r.Conditions) { yield return c.Left; yield return c.Right; }
        foreach (var q in r.Quantities) yield return q.Definition;
        foreach (var u in r.Unknowns) foreach (var d in u.Domain) { yield return d.Left; yield return d.Right; }
        foreach (var p in r.Phases)
        {
            foreach (var w in p.When) { yield return w.Left; yield return w.Right; }
            foreach (var f in p.Fixes) yield return f.Value;
            foreach (var c in p.Conditions) { yield return c.Left; yield return c.Right; }
            foreach (var q in p.Quantities) yield return q.Definition;
        }
        foreach (var t in r.Thresholds) { yield return t.Left; yield return t.Right; }
    }

    /// <summary>The regimes an expression over <paramref name="regime"/>'s names reads (name@other included).</summary>
    public static IEnumerable<string> Of(string regime, ExpressionScope.Parsed parsed) =>
        parsed.Aliases.Values.Select(a => a.Regime).Prepend(regime).Distinct();
}
