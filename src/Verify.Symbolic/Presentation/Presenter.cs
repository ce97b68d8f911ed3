using System.Collections.Concurrent;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;
using Verify.Symbolic.Text;

namespace Verify.Symbolic.Presentation;

/// <summary>
/// Chooses how a result is shown, as SymPy's simplify does with its measure: candidates made by
/// named rewrites (the form as derived, its sums over one denominator, its common factors pulled
/// out), each with the model's abbreviations written back where that is proved equal
/// (<see cref="Folding"/>), each laid out with and without shared exponents gathered
/// (<see cref="Layout"/>); the shortest printed text wins (each quotient counting extra), the form as derived on a tie. Every
/// candidate equals the input wherever the input is defined. Results are remembered, and across runs
/// when a <see cref="Memory"/> is given.
/// </summary>
public sealed class Presenter
{
    /// <summary>Forms larger than this are only laid out: rewriting them costs more than it could save.</summary>
    const int MaxRewritten = 300;

    readonly ISignOracle _oracle;
    readonly IReadOnlyList<Abbreviation> _abbreviations;
    readonly ConcurrentDictionary<Expr, Form> _chosen = new();
    readonly Func<Expr, Expr> _simplify;

    /// <param name="simplify">What <see cref="PresentSimplified"/> applies first (the model's simplifier); none when null.</param>
    public Presenter(ISignOracle oracle, IReadOnlyList<Abbreviation> abbreviations, Func<Expr, Expr>? simplify = null)
    {
        _oracle = oracle ?? throw new ArgumentNullException(nameof(oracle));
        _abbreviations = abbreviations ?? throw new ArgumentNullException(nameof(abbreviations));
        _simplify = simplify ?? (e => e);
    }

    /// <summary>Shows expressions as they are, only laid out: for a model without abbreviations or a plain expression.</summary>
    public static Presenter Plain(ISignOracle oracle) => new(oracle, []);

    /// <summary>Forms chosen in earlier runs, read before choosing and told of each new choice (none when null). Set before the first use.</summary>
    public IPresentationMemory? Memory { get; set; }

    public Form Present(Expr e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return _chosen.GetOrAdd(e, Recall);
    }

    /// <summary>
    /// The form chosen for e once simplified, remembered under e itself (and across runs with a <see cref="Memory"/>):
    /// simplifying is as fixed as the model and engine the memory answers for, and it was most of a report rendered
    /// again (a claim's expressions in each combination of phases, simplified at every run).
    /// </summary>
    public Form PresentSimplified(Expr e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return _chosen.GetOrAdd(Expr.Call(SimplifiedMark, e), key => Recall(key, () => Present(_simplify(e))));
    }

    /// <summary>What the presenter's simplifier makes of e (e itself when it has none).</summary>
    public Expr Simplify(Expr e) => _simplify(e);

    /// <summary>The mark of a key that stands for "e simplified": not a name of the language, so no expression meets it.</summary>
    const string SimplifiedMark = "simplified#";

    Form Recall(Expr e) => Recall(e, () => Choose(e));

    Form Recall(Expr key, Func<Form> choose)
    {
        if (Memory?.Recall(key) is { } known) return known;
        var chosen = choose();
        Memory?.Remember(key, chosen);
        return chosen;
    }

    /// <summary>The chosen form as plain text (it reads back to an equal value).</summary>
    public string Text(Expr e) => PlainPrinter.Print(Present(e));

    Form Choose(Expr e)
    {
        var best = Layout.Of(e, _oracle, gather: false);
        var bestLength = Length(best);
        foreach (var candidate in Candidates(e))
            foreach (var gather in new[] { false, true })
            {
                Form form;
                try { form = Layout.Of(candidate, _oracle, gather, Shortest); }
                catch (ArgumentException) { continue; }
                var length = Length(form);
                if (length < bestLength) (best, bestLength) = (form, length);
            }
        return best;
    }

    IEnumerable<Expr> Candidates(Expr e)
    {
        var rewritten = new List<Expr?> { e };
        if (e.Size <= MaxRewritten)
        {
            rewritten.Add(Attempt(() => Rationals.Cancel(Rationals.Together(e, _oracle), _oracle)));
            rewritten.Add(Attempt(() => Factoring.FactorCommon(e, _oracle, positivePrimitive: true)));
            rewritten.Add(Attempt(() => Simplifier.SimplifySums(e, _oracle)));
        }
        var all = rewritten.OfType<Expr>().Where(c => c.Size <= Math.Max(MaxRewritten, e.Size)).Distinct().ToList();
        if (e.Size > MaxRewritten) return all;
        foreach (var abbreviation in _abbreviations)
        {
            var folded = new List<Expr>();
            foreach (var c in all)
                if (c.FreeSymbols().Overlaps(abbreviation.Definition.FreeSymbols()))
                    folded.AddRange(Attempt(() => Folding.Fold(c, abbreviation, _oracle).ToList()) ?? []);
            all.AddRange(folded.Distinct().Where(f => !all.Contains(f)));
        }
        return all;
    }

    /// <summary>
    /// The shortest of an expression and its rewritten forms, laid out plainly (for the base of a
    /// gathered power). Abbreviations already in it are first written out, so that they can combine
    /// (alpha*beta/rho is beta - 1).
    /// </summary>
    Expr Shortest(Expr e)
    {
        var names = _abbreviations.Where(a => e.Contains(a.Name)).ToDictionary(a => (Expr)a.Name, a => a.Definition);
        var start = names.Count == 0 ? [e] : Attempt(() => Simplifier.Simplify(e.Substitute(names, _oracle), _oracle)) is { } raw ? new[] { e, raw } : [e];
        return start.SelectMany(Candidates).MinBy(c => Length(Layout.Of(c, _oracle, gather: false)))!;
    }

    /// <summary>A rewrite that cannot be carried out (a guard tripped, a side condition refused) is simply not a candidate.</summary>
    static T? Attempt<T>(Func<T> rewrite) where T : class
    {
        try { return rewrite(); }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException) { return null; }
    }

    /// <summary>The measure: printed length, each quotient counting three more, so a fraction nested in a sum (1/x + 1) costs what it costs a reader.</summary>
    static int Length(Form form)
    {
        var text = PlainPrinter.Print(form);
        return text.Length + 3 * text.Count(c => c == '/');
    }
}
