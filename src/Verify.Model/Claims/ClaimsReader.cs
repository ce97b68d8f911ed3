using Verify.Model.Language;

namespace Verify.Model.Claims;

/// <summary>
/// Reads the statements of a claims file into a <see cref="ClaimDocument"/>: the 'claims for'
/// header and the claim blocks. Statements are cut and read with the model language's
/// machinery (<see cref="StatementSplitter"/>, <see cref="StatementCursor"/>), so lines,
/// comments, strings, continuation and error places behave as in model files.
/// </summary>
sealed class ClaimsReader
{
    /// <summary>The statement keywords of a claims file; a line starting with one of them never continues the previous statement.</summary>
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "claims", "claim", "quote", "reading", "regime", "where", "with", "verdict", "assert", "end",
        "discount", "draw",
    };

    static readonly string[] TopLevel = ["claims", "claim"];
    static readonly string[] InClaim = ["quote", "reading", "regime", "where", "with", "discount", "draw", "verdict", "assert", "end"];

    /// <summary>The one verdict a file may declare: the checks decide all the others.</summary>
    const string NotDerivable = "not-derivable";

    readonly SourceText _source;
    readonly List<Statement> _statements;
    readonly AssertionReader _asserts;
    readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    int _next;

    ClaimsReader(SourceText source)
    {
        _source = source;
        _statements = StatementSplitter.Split(source, Keywords);
        _asserts = new AssertionReader(source);
    }

    public static ClaimDocument Read(SourceText source, string? expectedModel) => new ClaimsReader(source).File(expectedModel);

    ClaimDocument File(string? expectedModel)
    {
        Name? model = null;
        var claims = new List<ClaimDefinition>();
        while (_next < _statements.Count)
        {
            var statement = _statements[_next++];
            var c = new StatementCursor(_source, statement);
            var keyword = c.Word("a statement ('claims for MODEL' or 'claim ID')");
            switch (keyword.Text)
            {
                case "claims":
                    if (model is not null)
                        throw _source.Error(keyword.Offset, $"a second 'claims for' statement: the first is at line {Line(model.Offset)}");
                    c.ExpectWord("for", "'for' and the model's name (claims for MODEL)");
                    model = c.Label("the model's name (claims for MODEL)");
                    c.ExpectEnd("the end of the statement after the model's name");
                    if (expectedModel is not null && model.Text != expectedModel)
                        throw _source.Error(model.Offset, $"these claims are for model '{model.Text}' but they were loaded for model '{expectedModel}'");
                    break;
                case "claim":
                    if (model is null)
                        throw _source.Error(keyword.Offset, "expected 'claims for MODEL' before the first claim");
                    claims.Add(Claim(statement, c));
                    break;
                case "end":
                    throw _source.Error(keyword.Offset, "'end' without an open claim");
                default:
                    if (InClaim.Contains(keyword.Text))
                        throw _source.Error(keyword.Offset, $"'{keyword.Text}' is allowed only inside a claim (claim ID ... end)");
                    throw Unknown(keyword, TopLevel);
            }
        }
        if (model is null)
            throw _source.Error(0, "expected 'claims for MODEL': the file has no such statement");
        return new ClaimDocument(model.Text, claims, _source.File);
    }

    ClaimDefinition Claim(Statement statement, StatementCursor c)
    {
        var id = c.Id("the claim's id (letters and digits joined by '.' or '-', e.g. R5.dd-north)");
        c.ExpectEnd("the end of the statement after the claim's id");
        if (_ids.TryGetValue(id.Text, out var first))
            throw _source.Error(id.Offset, $"duplicate claim id '{id.Text}': already used at line {Line(first)}");
        _ids[id.Text] = id.Offset;

        string? quote = null, reading = null, verdict = null;
        var regimes = new List<Name>();
        var where = new List<MathText>();
        var with = new List<(Name Name, MathText Value)>();
        var assertions = new List<Assertion>();
        DrawnRange? discount = null;
        var ranges = new List<DrawnRange>();
        var once = new Dictionary<string, int>(StringComparer.Ordinal);
        var opened = $"claim '{id.Text}' (line {Line(statement.Start)})";
        while (true)
        {
            if (_next >= _statements.Count)
                throw _source.Error(statement.Start, $"missing 'end': claim '{id.Text}' is still open at the end of the file");
            var inner = _statements[_next++];
            var ic = new StatementCursor(_source, inner);
            var keyword = ic.Word($"a statement of the claim ({string.Join(", ", InClaim)})");
            if (keyword.Text is "quote" or "reading" or "regime" or "verdict" or "discount")
            {
                if (once.TryGetValue(keyword.Text, out var earlier))
                    throw _source.Error(keyword.Offset, $"a second '{keyword.Text}' in {opened}: the first is at line {Line(earlier)}");
                once[keyword.Text] = keyword.Offset;
            }
            switch (keyword.Text)
            {
                case "end":
                    ic.ExpectEnd("the end of the statement after 'end'");
                    if (regimes.Count == 0)
                        throw _source.Error(statement.Start, $"claim '{id.Text}' has no 'regime': say in which regime(s) it is checked");
                    if (assertions.Count == 0)
                        throw _source.Error(statement.Start, $"claim '{id.Text}' has no 'assert': a claim must assert something");
                    return new ClaimDefinition(id.Text, quote, reading, regimes.Select(r => r.Text).ToList(), where,
                        with.Select(w => (w.Name.Text, w.Value)).ToList(), assertions, verdict, _source.Span(statement.Start))
                    {
                        RegimeSpans = regimes.Select(r => _source.Span(r.Offset)).ToList(),
                        Discount = discount,
                        Ranges = ranges,
                    };
                case "quote": quote = Strings(ic, "the paper's words in quotes"); break;
                case "reading": reading = Strings(ic, "the claim's reading in quotes"); break;
                case "regime": Regimes(ic, regimes); break;
                case "where": where.AddRange(Relations(ic)); break;
                case "with": With(ic, with); break;
                case "discount": discount = Range(ic); break;
                case "draw":
                {
                    var range = Range(ic);
                    if (ranges.Any(r => r.Name == range.Name))
                        throw _source.Error(inner.Start, $"'{range.Name}' is drawn twice in {opened}");
                    ranges.Add(range);
                    break;
                }
                case "verdict": verdict = Verdict(ic); break;
                case "assert": assertions.Add(_asserts.Read(inner, ic)); break;
                default:
                    if (TopLevel.Contains(keyword.Text))
                        throw _source.Error(keyword.Offset, $"expected 'end' of {opened} before '{keyword.Text}'");
                    throw Unknown(keyword, InClaim);
            }
        }
    }

    /// <summary>One or more quoted strings (a long one may go on over lines), joined by a space.</summary>
    static string Strings(StatementCursor c, string expected)
    {
        var parts = new List<string> { c.String(expected) };
        while (!c.AtEnd) parts.Add(c.String("another quoted string or the end of the statement"));
        return string.Join(" ", parts);
    }

    void Regimes(StatementCursor c, List<Name> regimes)
    {
        do
        {
            var regime = c.Label("a regime name");
            if (regimes.Find(r => r.Text == regime.Text) is not null)
                throw _source.Error(regime.Offset, $"regime '{regime.Text}' is named twice");
            regimes.Add(regime);
        } while (c.TryChar(','));
        c.ExpectEnd("',' and another regime name, or the end of the statement");
    }

    /// <summary>Comma-separated relations, one piece each (commas inside parentheses do not separate).</summary>
    List<MathText> Relations(StatementCursor c)
    {
        var relations = new List<MathText>();
        do relations.Add(_asserts.Relation(c, "a relation such as 0 < phi", stopChars: ","));
        while (c.TryChar(','));
        c.ExpectEnd("',' and another relation, or the end of the statement");
        return relations;
    }

    void With(StatementCursor c, List<(Name Name, MathText Value)> with)
    {
        do
        {
            var name = c.Word("a name to set (with NAME = EXPR)");
            c.ExpectChar('=', $"'=' and the value of '{name.Text}' (with NAME = EXPR)");
            // '=' ends the value too, so a second one (with x = y = 1) is reported where it stands.
            var value = _asserts.Math(c, $"the value of '{name.Text}' (with NAME = EXPR)", stopChars: ",=");
            var earlier = with.FindIndex(w => w.Name.Text == name.Text);
            if (earlier >= 0)
                throw _source.Error(name.Offset, $"'{name.Text}' is set twice: first at line {Line(with[earlier].Name.Offset)}");
            with.Add((name, value));
        } while (c.TryChar(','));
        c.ExpectEnd("',' and another NAME = EXPR, or the end of the statement");
    }

    /// <summary>NAME in (lo, hi), after 'discount' or 'draw'.</summary>
    DrawnRange Range(StatementCursor c)
    {
        var name = c.Word("the drawn name (NAME in (lo, hi))");
        c.ExpectWord("in", $"'in' and the range of '{name.Text}'");
        c.ExpectChar('(', $"'(' and the lower end of the range of '{name.Text}'");
        var lower = _asserts.Math(c, $"the lower end of the range of '{name.Text}'", stopChars: ",");
        c.ExpectChar(',', "',' and the upper end of the range");
        var upper = _asserts.Math(c, $"the upper end of the range of '{name.Text}'", closeEnds: true);
        c.ExpectChar(')', "')' after the range");
        c.ExpectEnd("the end of the statement after the range");
        return new DrawnRange(name.Text, lower, upper, _source.Span(name.Offset));
    }

    string Verdict(StatementCursor c)
    {
        var verdict = c.Label($"a verdict (only {NotDerivable} can be declared)");
        if (verdict.Text != NotDerivable)
            throw _source.Error(verdict.Offset, $"unknown verdict '{verdict.Text}': only {NotDerivable} can be declared (the checks decide the others)");
        c.ExpectEnd("the end of the statement after the verdict");
        return verdict.Text;
    }

    ModelException Unknown(Name keyword, string[] allowed) =>
        _source.Error(keyword.Offset, $"unknown keyword '{keyword.Text}': expected one of {string.Join(", ", allowed)}");

    int Line(int offset) => _source.Position(offset).Line;
}
