using System.Text.RegularExpressions;
using Verify.Model.Language;
using Verify.Symbolic.Core;
using Verify.Symbolic.Text;

namespace Verify.Derivation.Evaluation;

/// <summary>
/// Reads expressions written over a regime's names: parameters, derived parameters, the
/// integration variable, the regime's unknowns, fixed and carried names, quantities (of every
/// phase) and thresholds, with diff(e, x) deferred until the names are replaced by their values.
/// name@regime refers to a name of another regime; it becomes an alias symbol.
/// </summary>
public static partial class ExpressionScope
{
    public sealed record Parsed(Expr Expr, IReadOnlyDictionary<Symbol, (string Regime, Symbol Name)> Aliases);

    public sealed record ParsedRelation(Relation Relation, IReadOnlyDictionary<Symbol, (string Regime, Symbol Name)> Aliases);

    public static Parsed Parse(ModelDocument model, string regime, string text, TextPosition? origin = null)
    {
        var (rewritten, context, aliases) = Prepare(model, regime, text, origin);
        return new Parsed(Parser.Parse(rewritten, context), aliases);
    }

    /// <summary>One relation (L op R) over the regime's names.</summary>
    public static ParsedRelation ParseRelation(ModelDocument model, string regime, string text, TextPosition? origin = null)
    {
        var (rewritten, context, aliases) = Prepare(model, regime, text, origin);
        return new ParsedRelation(Parser.ParseRelation(rewritten, context), aliases);
    }

    static (string Text, ParseContext Context, Dictionary<Symbol, (string, Symbol)> Aliases) Prepare(ModelDocument model, string regime, string text, TextPosition? origin)
    {
        var home = model.FindRegime(regime) ?? throw new ArgumentException($"no regime '{regime}'; the regimes are {string.Join(", ", model.Regimes.Select(r => r.Name))}");
        var aliases = new Dictionary<Symbol, (string, Symbol)>();
        var rewritten = AliasPattern().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            var other = model.FindRegime(m.Groups[2].Value) ?? throw new ArgumentException($"no regime '{m.Groups[2].Value}' (in {m.Value})");
            var target = NamesOf(model, other).FirstOrDefault(s => s.Name == name)
                ?? throw new ArgumentException($"'{name}' is not a name of regime {other.Name} (in {m.Value})");
            var alias = Expr.Sym($"{name}__{other.Name.Replace('-', '_')}", target.Sign);
            aliases[alias] = (other.Name, target);
            return alias.Name;
        });
        var context = ParseContext.Default.Strict().WithSymbols(NamesOf(model, home).Concat(aliases.Keys)) with { DeferDerivatives = true };
        if (origin is { } at) context = context.At(at.Line, at.Column);
        return (rewritten, context, aliases);
    }

    /// <summary>Every name an expression over this regime may use.</summary>
    public static IEnumerable<Symbol> NamesOf(ModelDocument model, Regime regime)
    {
        var names = new List<Symbol>();
        void Add(Symbol s) { if (!names.Any(n => n.Name == s.Name)) names.Add(s); }
        foreach (var p in model.Parameters) Add(p.Symbol);
        foreach (var d in model.Derived) Add(d.Symbol);
        if (model.Variable is not null) Add(model.Variable.Symbol);
        foreach (var c in regime.Carried) foreach (var n in c.Names) Add(n);
        foreach (var f in regime.Fixes) Add(f.Symbol);
        foreach (var u in regime.Unknowns) Add(u.Symbol);
        foreach (var q in regime.Quantities) Add(q.Symbol);
        foreach (var p in regime.Phases) { foreach (var f in p.Fixes) Add(f.Symbol); foreach (var q in p.Quantities) Add(q.Symbol); }
        foreach (var t in regime.Thresholds) Add(t.Symbol);
        return names;
    }

    [GeneratedRegex(@"\b([A-Za-z][A-Za-z0-9_]*)@([A-Za-z][A-Za-z0-9_-]*)")]
    private static partial Regex AliasPattern();
}
