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
        var (rewritten, context, aliases, widened) = Prepare(model, regime, text, origin);
        return new Parsed(Placed(() => Parser.Parse(rewritten, context), rewritten, widened, origin), aliases);
    }

    /// <summary>One relation (L op R) over the regime's names.</summary>
    public static ParsedRelation ParseRelation(ModelDocument model, string regime, string text, TextPosition? origin = null)
    {
        var (rewritten, context, aliases, widened) = Prepare(model, regime, text, origin);
        return new ParsedRelation(Placed(() => Parser.ParseRelation(rewritten, context), rewritten, widened, origin), aliases);
    }

    /// <summary>
    /// Each alias is one character longer than the name@regime it replaces: an error is moved back
    /// by one column for every alias that ends before it on its line, so it points into the text as written.
    /// </summary>
    static T Placed<T>(Func<T> parse, string rewritten, List<int> widened, TextPosition? origin)
    {
        try { return parse(); }
        catch (ParseException e) when (widened.Count > 0)
        {
            var (line0, column0) = origin is { } o ? (o.Line, o.Column) : (1, 1);
            // The error's index in the rewritten text, as the lexer counts lines ('\n') and columns.
            var lineStart = 0;
            for (int k = line0; k < e.Line; k++) lineStart = rewritten.IndexOf('\n', lineStart) + 1;
            var index = lineStart + e.Column - (e.Line == line0 ? column0 : 1);
            var shift = widened.Count(end => end <= index && end >= lineStart);
            if (shift == 0) throw;
            var description = e.Message.StartsWith($"{e.Position}: ", StringComparison.Ordinal) ? e.Message[(e.Position.ToString().Length + 2)..] : null;
            throw new ParseException(new TextPosition(e.Line, e.Column - shift), e.Expected, e.Found, description, e);
        }
    }

    static (string Text, ParseContext Context, Dictionary<Symbol, (string, Symbol)> Aliases, List<int> Widened) Prepare(ModelDocument model, string regime, string text, TextPosition? origin)
    {
        var home = model.FindRegime(regime) ?? throw new ArgumentException($"no regime '{regime}'; the regimes are {string.Join(", ", model.Regimes.Select(r => r.Name))}");
        var aliases = new Dictionary<Symbol, (string, Symbol)>();
        var widened = new List<int>();   // where each alias ends in the rewritten text
        var growth = 0;
        var rewritten = AliasPattern().Replace(text, m =>
        {
            var name = m.Groups[1].Value;
            var other = model.FindRegime(m.Groups[2].Value) ?? throw new ArgumentException($"no regime '{m.Groups[2].Value}' (in {m.Value})");
            var target = NamesOf(model, other).FirstOrDefault(s => s.Name == name)
                ?? throw new ArgumentException($"'{name}' is not a name of regime {other.Name} (in {m.Value})");
            var alias = Expr.Sym($"{name}__{other.Name.Replace('-', '_')}", target.Sign);
            aliases[alias] = (other.Name, target);
            growth += alias.Name.Length - m.Length;
            widened.Add(m.Index + m.Length + growth);
            return alias.Name;
        });
        var context = ParseContext.Default.Strict().WithSymbols(NamesOf(model, home).Concat(aliases.Keys)) with { DeferDerivatives = true };
        if (origin is { } at) context = context.At(at.Line, at.Column);
        return (rewritten, context, aliases, widened);
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
