using Verify.Model.Language;
using Verify.Symbolic.Core;
using Verify.Symbolic.Presentation;
using Verify.Symbolic.Text;

namespace Verify.Cli.Modeling;

/// <summary>How expressions and relations are printed: plain text the parser reads back, or LaTeX with the model's own names.</summary>
sealed class Notation
{
    readonly LatexNames? _latex;
    readonly Presenter? _presenter;

    Notation(LatexNames? latex, Presenter? presenter = null) => (_latex, _presenter) = (latex, presenter);

    public static readonly Notation Plain = new(null);

    /// <summary>LaTeX with every name the model gives a LaTeX form (s_E, \bar{a}^*, ...).</summary>
    public static Notation Latex(ModelDocument model) => new(ModelLatexNames.Of(model));

    /// <summary>The same notation, with a function (an implicit unknown's) printed as the given LaTeX.</summary>
    public Notation WithFunction(string name, string latex) => _latex is null ? this : new Notation(_latex.WithFunction(name, latex), _presenter);

    /// <summary>The same notation, showing results (<see cref="Show"/>) as the presenter chooses: in the model's own notation.</summary>
    public Notation WithPresenter(Presenter presenter) => new(_latex, presenter);

    /// <summary>A result as a reader wants it: in the model's notation, laid out (steps keep <see cref="Print(Expr)"/>).</summary>
    public string Show(Expr e)
    {
        if (_presenter is null) return Print(e);
        var form = _presenter.Present(e);
        return _latex is null ? PlainPrinter.Print(form) : LatexPrinter.Print(form, _latex);
    }

    /// <summary>The LaTeX a name is printed as, when this notation is LaTeX.</summary>
    public string? LatexOf(string name) => _latex?.Symbol(name);

    public bool IsLatex => _latex is not null;

    public string Print(Expr e) => _latex is null ? PlainPrinter.Print(e) : LatexPrinter.Print(e, _latex);

    public string Print(Relation r) => $"{Print(r.Left)} {Operator(r.Operator)} {Print(r.Right)}";

    string Operator(RelationOperator op) => _latex is null ? Relation.Symbol(op) : op switch
    {
        RelationOperator.Less => "<", RelationOperator.LessOrEqual => @"\le",
        RelationOperator.Greater => ">", RelationOperator.GreaterOrEqual => @"\ge",
        RelationOperator.Equal => "=", _ => @"\ne",
    };
}
