using Verify.Derivation.Results;
using Verify.Model.Language;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using Verify.Symbolic.Presentation;
using Verify.Symbolic.Text;

namespace Verify.Reports.Content;

/// <summary>
/// LaTeX for a model's expressions: every name the model gives a LaTeX form (s_E, \bar{a}^*),
/// implicit functions printed as their unknowns, name@regime aliases as the name marked with its
/// regime, and deferred derivatives diff(e, x) as ∂e/∂x.
/// </summary>
public sealed class MathNotation
{
    readonly LatexNames _names;
    readonly Presenter? _presenter;

    MathNotation(LatexNames names, Presenter? presenter) => (_names, _presenter) = (names, presenter);

    /// <param name="presenter">How results are shown (<see cref="Show"/>); steps are printed as derived.</param>
    public static MathNotation For(ModelDocument model, Presenter? presenter = null) => new(ModelLatexNames.Of(model), presenter);

    /// <summary>This notation with a phase's implicit functions printed as their unknowns.</summary>
    public MathNotation In(PhaseDerivation phase) => new(phase.ImplicitUnknowns.Aggregate(_names,
        (acc, i) => acc.WithFunction(i.FunctionName, acc.Symbol(i.Unknown.Name))), _presenter);

    /// <summary>This notation with name@regime aliases printed as the name evaluated in that regime.</summary>
    public MathNotation WithAliases(IReadOnlyDictionary<Symbol, (string Regime, Symbol Name)> aliases) => new(aliases.Aggregate(_names,
        (acc, a) => acc.WithSymbol(a.Key.Name, $@"\left.{acc.Symbol(a.Value.Name.Name)}\right|_{{\mathrm{{{a.Value.Regime}}}}}")), _presenter);

    /// <summary>A result in the model's notation, laid out as the presenter chooses.</summary>
    public string Show(Expr e) =>
        _presenter is null || DeferredDerivatives.Contains(e) ? Print(e) : LatexPrinter.Print(_presenter.Present(e), _names);

    /// <summary>A result simplified by the presenter's simplifier, then shown as <see cref="Show"/> does; the presenter remembers it (across runs with its memory).</summary>
    public string ShowSimplified(Expr e)
    {
        if (_presenter is null) throw new InvalidOperationException("this notation has no presenter to simplify with");
        return DeferredDerivatives.Contains(e) ? Show(_presenter.Simplify(e)) : LatexPrinter.Print(_presenter.PresentSimplified(e), _names);
    }

    public string Symbol(string name) => _names.Symbol(name);

    public string Print(Expr e)
    {
        if (!DeferredDerivatives.Contains(e)) return LatexPrinter.Print(e, _names);
        // Each diff(body, x) becomes a placeholder symbol printed as the fraction ∂body/∂x.
        var names = _names;
        var k = 0;
        var replaced = Canonical.Transform(e, node =>
        {
            if (node is not Call { Name: DeferredDerivatives.Name, Partials.IsEmpty: true, Arguments: [var body, Symbol x] }) return node;
            var placeholder = Expr.Sym($"zzdiff{k++}");
            var by = names.Symbol(x.Name);
            var latex = body is Symbol s
                ? $@"\frac{{\partial {names.Symbol(s.Name)}}}{{\partial {by}}}"
                : $@"\frac{{\partial}}{{\partial {by}}}\left({new MathNotation(names, null).Print(body)}\right)";
            names = names.WithSymbol(placeholder.Name, latex);
            return placeholder;
        }, StructuralSign.Instance);
        return LatexPrinter.Print(replaced, names);
    }

    public string Print(Relation r) => $"{Print(r.Left)} {Operator(r.Operator)} {Print(r.Right)}";

    public static string Operator(RelationOperator op) => op switch
    {
        RelationOperator.Less => "<", RelationOperator.LessOrEqual => @"\le",
        RelationOperator.Greater => ">", RelationOperator.GreaterOrEqual => @"\ge",
        RelationOperator.Equal => "=", _ => @"\ne",
    };
}
