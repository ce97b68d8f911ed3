using System.Text.RegularExpressions;
using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Model.Language;

namespace Verify.Reports.Content;

/// <summary>The math of a claim: its pieces of text, and the derived names they use in each regime.</summary>
public static partial class ClaimMath
{
    /// <summary>Every piece of math in the claim: where, with, and each assertion's parts.</summary>
    public static IEnumerable<MathText> Texts(ClaimDefinition claim)
    {
        foreach (var w in claim.Where) yield return w;
        foreach (var (_, value) in claim.With) yield return value;
        foreach (var a in claim.Assertions)
            foreach (var t in Texts(a)) yield return t;
    }

    public static IEnumerable<MathText> Texts(Assertion a) => a switch
    {
        UniversalAssertion u => [u.Relation],
        ExistsAssertion e => [e.Relation],
        ForAllAssertion f => f.Condition is null ? [f.Lower, f.Upper, f.Relation] : [f.Lower, f.Upper, f.Condition, f.Relation],
        MonotoneAssertion m => m.Condition is null ? [m.Expression, m.Lower, m.Upper] : [m.Expression, m.Lower, m.Upper, m.Condition],
        LimitAssertion l => [l.Expression, l.Value],
        FormulaAssertion f => [f.Derived, f.Paper],
        _ => [],
    };

    /// <summary>
    /// The derived names (not parameters) the claim uses, by regime: names of the claim's own
    /// regime, and name@other for another regime's. In the order they first appear.
    /// </summary>
    public static IReadOnlyList<(string Regime, string Name)> Uses(ModelDocument model, ClaimDefinition claim, string regime)
    {
        var found = new List<(string, string)>();
        foreach (var text in Texts(claim))
            foreach (Match m in NamePattern().Matches(text.Text))
            {
                var target = m.Groups[2].Success ? m.Groups[2].Value : regime;
                if (model.FindRegime(target) is not { } r) continue;
                var name = m.Groups[1].Value;
                if (DerivedNames(model, r).Contains(name) && !found.Contains((target, name))) found.Add((target, name));
            }
        return found;
    }

    /// <summary>The names of a regime that are derived: unknowns, fixed and carried names, quantities, thresholds.</summary>
    public static IReadOnlySet<string> DerivedNames(ModelDocument model, Regime regime)
    {
        var primitive = model.Parameters.Select(p => p.Symbol.Name).Concat(model.Derived.Select(d => d.Symbol.Name)).ToHashSet();
        if (model.Variable is { } v) primitive.Add(v.Symbol.Name);
        return ExpressionScope.NamesOf(model, regime).Select(s => s.Name).Where(n => !primitive.Contains(n)).ToHashSet();
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9_]*)(?:@([A-Za-z][A-Za-z0-9_-]*))?")]
    private static partial Regex NamePattern();
}
