using Verify.Model.Language;

namespace Verify.Model.Claims;

/// <summary>
/// Reads the math of a claim: the forms of 'assert' and the relations and expressions of the
/// other statements, each kept as a <see cref="MathText"/> with the place of its first character.
/// The math itself is not parsed here (it needs a regime's names); only its extent is found.
/// </summary>
sealed class AssertionReader(SourceText source)
{
    // Each form as the user writes it, quoted in errors so a malformed assert says what was expected.
    const string UniversalForm = "assert RELATION";
    const string ExistsForm = "assert exists: RELATION";
    const string ForAllForm = "assert forall X in (LO, HI) [where COND]: RELATION";
    const string MonotoneForm = "assert decreasing|increasing EXPR in X over (LO, HI) [where COND]";
    const string LimitForm = "assert limit EXPR as X -> inf = VALUE";
    const string FormulaForm = "assert formula EXPR = PAPER [up to a positive factor]";

    /// <summary>The words that open a form other than the universal one; a universal relation cannot start with them.</summary>
    public static readonly IReadOnlyList<string> FormWords = ["exists", "forall", "decreasing", "increasing", "limit", "formula"];

    static readonly string[] PositiveFactor = ["up", "to", "a", "positive", "factor"];

    /// <summary>The assert statement read by <paramref name="c"/>, which stands just after the word 'assert'.</summary>
    public Assertion Read(Statement statement, StatementCursor c)
    {
        var span = source.Span(statement.Start);
        var form = c.PeekWord();
        if (!FormWords.Contains(form))
        {
            var relation = Relation(c, $"a relation such as B = Bstar ({UniversalForm}), or one of {string.Join(", ", FormWords)}");
            c.ExpectEnd($"the end of the assert ({UniversalForm})");
            return new UniversalAssertion(relation, span);
        }
        c.ExpectWord(form, form);
        return form switch
        {
            "exists" => Exists(c, span),
            "forall" => ForAll(c, span),
            "decreasing" or "increasing" => Monotone(c, form == "increasing", span),
            "limit" => Limit(c, span),
            _ => Formula(c, span),
        };
    }

    ExistsAssertion Exists(StatementCursor c, SourceSpan span)
    {
        c.ExpectChar(':', $"':' after 'exists' ({ExistsForm})");
        var relation = Relation(c, $"a relation after 'exists:' ({ExistsForm})");
        c.ExpectEnd($"the end of the assert ({ExistsForm})");
        return new ExistsAssertion(relation, span);
    }

    ForAllAssertion ForAll(StatementCursor c, SourceSpan span)
    {
        var variable = c.Word($"the variable after 'forall' ({ForAllForm})");
        c.ExpectWord("in", $"'in' and the range of '{variable.Text}' ({ForAllForm})");
        var (lower, upper) = Range(c, ForAllForm);
        var condition = c.TryWord("where") ? Relation(c, $"a condition after 'where' ({ForAllForm})", stopChars: ":") : null;
        c.ExpectChar(':', $"':' and the relation, or 'where' and a condition ({ForAllForm})");
        var relation = Relation(c, $"the relation after ':' ({ForAllForm})");
        c.ExpectEnd($"the end of the assert ({ForAllForm})");
        return new ForAllAssertion(variable.Text, lower, upper, condition, relation, span);
    }

    MonotoneAssertion Monotone(StatementCursor c, bool increasing, SourceSpan span)
    {
        var expression = Math(c, $"the expression that is monotone ({MonotoneForm})", stopWords: ["in"]);
        c.ExpectWord("in", $"'in' and the variable ({MonotoneForm})");
        var variable = c.Word($"the variable after 'in' ({MonotoneForm})");
        c.ExpectWord("over", $"'over' and the range of '{variable.Text}' ({MonotoneForm})");
        var (lower, upper) = Range(c, MonotoneForm);
        var condition = c.TryWord("where") ? Relation(c, $"a condition after 'where' ({MonotoneForm})") : null;
        c.ExpectEnd($"'where' and a condition, or the end of the assert ({MonotoneForm})");
        return new MonotoneAssertion(increasing, expression, variable.Text, lower, upper, condition, span);
    }

    LimitAssertion Limit(StatementCursor c, SourceSpan span)
    {
        var expression = Math(c, $"the expression whose limit is taken ({LimitForm})", stopWords: ["as"]);
        c.ExpectWord("as", $"'as' and the variable ({LimitForm})");
        var variable = c.Word($"the variable after 'as' ({LimitForm})");
        // The arrow is one token: '-' and '>' with nothing between them.
        var arrow = c.Offset;
        if (!c.TryChar('-') || c.Offset != arrow + 1 || !c.TryChar('>'))
            throw c.Fail($"'-> inf' ({LimitForm})");
        c.ExpectWord("inf", $"'inf' after '->': only limits at infinity are supported ({LimitForm})");
        c.ExpectChar('=', $"'=' and the value of the limit ({LimitForm})");
        var value = Math(c, $"the value of the limit ({LimitForm})");
        c.ExpectEnd($"the end of the assert ({LimitForm})");
        return new LimitAssertion(expression, variable.Text, value, span);
    }

    FormulaAssertion Formula(StatementCursor c, SourceSpan span)
    {
        var derived = Math(c, $"the derived expression before '=' ({FormulaForm})", stopChars: "=");
        // The piece ends at the first top-level '='; one that ends <=, >= or != compares, it does not separate.
        var at = c.Offset;
        if (!c.AtEnd && source.Clean[at] == '=' && source.Clean[at - 1] is '<' or '>' or '!')
            throw source.Error(at - 1, $"expected '=' between the derived and the paper's expression ({FormulaForm}) but found '{source.Clean[at - 1]}='");
        c.ExpectChar('=', $"'=' and the paper's expression ({FormulaForm})");
        var paper = Math(c, $"the paper's expression after '=' ({FormulaForm})", stopWords: ["up"], stopChars: "=");
        var upToFactor = c.TryWord("up");
        if (upToFactor)
            foreach (var word in PositiveFactor.Skip(1))
                c.ExpectWord(word, $"'up to a positive factor' ({FormulaForm})");
        c.ExpectEnd(upToFactor ? $"the end of the assert ({FormulaForm})" : $"'up to a positive factor' or the end of the assert ({FormulaForm})");
        return new FormulaAssertion(derived, paper, upToFactor, span);
    }

    /// <summary>(LO, HI): two pieces, each ended by the separating ',' or the closing ')'.</summary>
    (MathText Lower, MathText Upper) Range(StatementCursor c, string form)
    {
        c.ExpectChar('(', $"'(' and the range (LO, HI) ({form})");
        var lower = Math(c, $"the lower end of the range ({form})", stopChars: ",", closeEnds: true);
        c.ExpectChar(',', $"',' and the upper end of the range ({form})");
        var upper = Math(c, $"the upper end of the range ({form})", stopChars: ",", closeEnds: true);
        c.ExpectChar(')', $"')' closing the range ({form})");
        return (lower, upper);
    }

    /// <summary>A piece of math (see <see cref="StatementCursor.Math"/>) with its text and place.</summary>
    public MathText Math(StatementCursor c, string expected, string[]? stopWords = null, string? stopChars = null, bool closeEnds = false)
    {
        var piece = c.Math(expected, stopWords, stopChars, closeEnds);
        return new MathText(source.Clean[piece.Start..piece.End], source.Span(piece.Start));
    }

    /// <summary>A piece of math that must compare something: a text with no comparison is no relation.</summary>
    public MathText Relation(StatementCursor c, string expected, string? stopChars = null)
    {
        var start = c.Offset;
        var relation = Math(c, expected, stopChars: stopChars);
        if (relation.Text.IndexOfAny(['<', '>', '=', '≤', '≥', '≠']) < 0)
            throw source.Error(start, $"expected {expected} but found '{relation.Text}', which compares nothing (no <, <=, >, >=, = or !=)");
        return relation;
    }
}
