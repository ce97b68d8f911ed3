namespace Verify.Model.Language;

/// <summary>
/// Reads the statements of a model file into <see cref="ModelSyntax"/>: which statement is
/// which, the regime and phase blocks, names, strings and the extent of each math piece.
/// </summary>
sealed class SyntaxReader
{
    static readonly string[] TopLevel = ["model", "title", "source", "parameter", "constraint", "derived", "variable", "density", "function", "regime", "dynamic"];
    static readonly string[] InRegime = ["carry", "fix", "unknown", "condition", "quantity", "hint", "threshold", "phase", "phases", "end"];
    static readonly string[] InPhase = ["fix", "drop", "condition", "quantity", "hint", "end"];
    static readonly string[] InDynamic = ["start", "parameter", "state", "unknown", "condition", "conditions", "law", "quantity", "hold", "dynamics", "end"];

    readonly SourceText _source;
    readonly List<Statement> _statements;
    int _next;

    SyntaxReader(SourceText source)
    {
        _source = source;
        _statements = StatementSplitter.Split(source);
    }

    public static ModelSyntax Read(SourceText source) => new SyntaxReader(source).File();

    ModelSyntax File()
    {
        var model = new ModelSyntax(null, null, null, [], [], [], [], [], []);
        int titleAt = -1, sourceAt = -1;
        while (_next < _statements.Count)
        {
            var statement = _statements[_next++];
            var c = new StatementCursor(_source, statement);
            var keyword = c.Word($"a statement ({string.Join(", ", TopLevel)})");
            switch (keyword.Text)
            {
                case "model":
                    if (model.Model is { } first) throw Repeated(keyword, "model", first.Offset);
                    model = model with { Model = c.Label("the model's name") };
                    c.ExpectEnd("the end of the statement");
                    break;
                case "title":
                    if (titleAt >= 0) throw Repeated(keyword, "title", titleAt);
                    titleAt = keyword.Offset;
                    model = model with { Title = c.String("a quoted title") };
                    c.ExpectEnd("the end of the statement");
                    break;
                case "source":
                    if (sourceAt >= 0) throw Repeated(keyword, "source", sourceAt);
                    sourceAt = keyword.Offset;
                    model = model with { Source = c.String("a quoted source") };
                    c.ExpectEnd("the end of the statement");
                    break;
                case "parameter":
                {
                    var name = c.Word("the parameter's name");
                    c.ExpectChar(':', $"':' and the domain of '{name.Text}'");
                    var domain = c.Math($"the domain of '{name.Text}' (relations such as {name.Text} > 0)");
                    model.Parameters.Add(new ParameterSyntax(statement.Start, name, domain, c.Attributes(latexAllowed: true)));
                    break;
                }
                case "constraint":
                    model.Constraints.Add(new ConstraintSyntax(statement.Start, c.Math("relations between parameters"), c.Attributes(latexAllowed: false)));
                    break;
                case "derived":
                {
                    var name = c.Word("the derived parameter's name");
                    c.ExpectChar('=', $"'=' and the definition of '{name.Text}'");
                    var definition = c.Math($"the definition of '{name.Text}'", stopChars: ":");
                    Piece? claims = c.TryChar(':') ? c.Math($"the claimed bounds of '{name.Text}'") : null;
                    model.Derived.Add(new DerivedSyntax(statement.Start, name, definition, claims, c.Attributes(latexAllowed: true)));
                    break;
                }
                case "variable":
                {
                    var name = c.Word("the variable's name");
                    c.ExpectChar(':', $"':' and the range of '{name.Text}'");
                    var domain = c.Math($"the range of '{name.Text}' (relations such as 0 < {name.Text} <= 1)");
                    model.Variables.Add(new VariableSyntax(statement.Start, name, domain, c.Attributes(latexAllowed: true)));
                    break;
                }
                case "density" or "function":
                    model.Functions.Add(Function(statement, c, keyword.Text == "density"));
                    break;
                case "regime":
                    model.Regimes.Add(Regime(statement, c));
                    break;
                case "dynamic":
                    model.Dynamics.Add(Dynamic(statement, c));
                    break;
                case "end":
                    throw _source.Error(keyword.Offset, "'end' without an open regime");
                default:
                    throw Misplaced(keyword, TopLevel, InRegime.Contains(keyword.Text) ? "inside a regime" : null);
            }
        }
        return model;
    }

    ModelException Repeated(Name keyword, string what, int firstOffset) =>
        _source.Error(keyword.Offset, $"a second '{what}' statement: the first is at line {_source.Position(firstOffset).Line}");

    ModelException Misplaced(Name keyword, string[] allowed, string? belongs) => belongs is not null
        ? _source.Error(keyword.Offset, $"'{keyword.Text}' is allowed only {belongs}")
        : _source.Error(keyword.Offset, $"unknown keyword '{keyword.Text}': expected one of {string.Join(", ", allowed)}");

    FunctionSyntax Function(Statement statement, StatementCursor c, bool isDensity)
    {
        var what = isDensity ? "density" : "function";
        var name = c.Word($"the {what}'s name");
        c.ExpectChar('(', $"'(' and the {what}'s parameters");
        var parameters = new List<Name>();
        if (!c.TryChar(')'))
        {
            do parameters.Add(c.Word("a parameter name")); while (c.TryChar(','));
            c.ExpectChar(')', "',' or ')'");
        }
        if (isDensity && parameters.Count != 1)
            throw _source.Error(name.Offset, $"density '{name.Text}' must have exactly one parameter, the model's variable (it has {parameters.Count})");
        c.ExpectChar('=', $"'=' and the body of '{name.Text}'");
        var body = c.Math($"the body of '{name.Text}'");
        return new FunctionSyntax(statement.Start, name, parameters, body, isDensity, c.Attributes(latexAllowed: false));
    }

    RegimeSyntax Regime(Statement statement, StatementCursor c)
    {
        var name = c.Label("the regime's name");
        var description = c.Attributes(latexAllowed: false).Description;
        var regime = new RegimeSyntax(statement.Start, name, description);
        var opened = $"regime '{name.Text}' (line {_source.Position(statement.Start).Line})";
        while (true)
        {
            if (_next >= _statements.Count)
                throw _source.Error(statement.Start, $"missing 'end': regime '{name.Text}' is still open at the end of the file");
            var inner = _statements[_next++];
            var ic = new StatementCursor(_source, inner);
            var keyword = ic.Word($"a statement of the regime ({string.Join(", ", InRegime)})");
            switch (keyword.Text)
            {
                case "end": ic.ExpectEnd("the end of the statement after 'end'"); return regime;
                case "carry": regime.Carried.Add(Carry(inner, ic)); break;
                case "fix": regime.Fixes.Add(Fix(inner, ic)); break;
                case "unknown":
                {
                    var unknown = ic.Word("the unknown's name");
                    ic.ExpectChar(':', $"':' and the domain of '{unknown.Text}'");
                    var domain = ic.Math($"the domain of '{unknown.Text}'");
                    regime.Unknowns.Add(new UnknownSyntax(inner.Start, unknown, domain, ic.Attributes(latexAllowed: true)));
                    break;
                }
                case "condition": regime.Conditions.Add(Condition(inner, ic)); break;
                case "quantity": regime.Quantities.Add(Quantity(inner, ic)); break;
                case "hint": regime.Hints.Add(Hint(inner, ic)); break;
                case "threshold": regime.Thresholds.Add(Threshold(inner, ic)); break;
                case "phase": regime.Phases.Add(Phase(inner, ic)); break;
                case "phases":
                    ic.ExpectWord("from", "'from' and the regime whose phases this one takes");
                    regime.PhasesFrom.Add(ic.Label("the name of the regime to take the phases of"));
                    ic.ExpectEnd("the end of the statement");
                    break;
                default:
                    if (TopLevel.Contains(keyword.Text))
                        throw _source.Error(keyword.Offset, $"expected 'end' of {opened} before '{keyword.Text}'");
                    throw Misplaced(keyword, InRegime, keyword.Text == "drop" ? "inside a phase block" : null);
            }
        }
    }

    DynamicSyntax Dynamic(Statement statement, StatementCursor c)
    {
        var name = c.Label("the dynamic regime's name");
        var dynamic = new DynamicSyntax(statement.Start, name, c.Attributes(latexAllowed: false).Description);
        var opened = $"dynamic regime '{name.Text}' (line {_source.Position(statement.Start).Line})";
        while (true)
        {
            if (_next >= _statements.Count)
                throw _source.Error(statement.Start, $"missing 'end': dynamic regime '{name.Text}' is still open at the end of the file");
            var inner = _statements[_next++];
            var ic = new StatementCursor(_source, inner);
            var keyword = ic.Word($"a statement of the dynamic regime ({string.Join(", ", InDynamic)})");
            switch (keyword.Text)
            {
                case "end": ic.ExpectEnd("the end of the statement after 'end'"); return dynamic;
                case "start":
                    if (dynamic.Start is { } first) throw Repeated(keyword, "start", first.Offset);
                    ic.ExpectWord("from", "'from' and the regime whose equilibrium the states start at");
                    dynamic.Start = ic.Label("the name of the regime the states start from");
                    ic.Attributes(latexAllowed: false);
                    break;
                case "dynamics":
                    if (dynamic.From is { } earlier) throw Repeated(keyword, "dynamics from", earlier.Offset);
                    ic.ExpectWord("from", "'from' and the dynamic regime this one is built on");
                    dynamic.From = ic.Label("the name of an earlier dynamic regime");
                    ic.ExpectEnd("the end of the statement");
                    break;
                case "parameter":
                {
                    var parameter = ic.Word("the parameter's name");
                    ic.ExpectChar(':', $"':' and the domain of '{parameter.Text}'");
                    var domain = ic.Math($"the domain of '{parameter.Text}' (relations such as {parameter.Text} > 0)");
                    dynamic.Parameters.Add(new ParameterSyntax(inner.Start, parameter, domain, ic.Attributes(latexAllowed: true)));
                    break;
                }
                case "state":
                {
                    var state = ic.Word("the state variable's name");
                    ic.ExpectChar(':', $"':' and the domain of '{state.Text}'");
                    var domain = ic.Math($"the domain of '{state.Text}'", stopWords: ["starts"]);
                    ic.ExpectWord("starts", $"'starts' and the value of '{state.Text}' at t = 0");
                    var initial = ic.Math($"the value of '{state.Text}' at t = 0");
                    dynamic.States.Add(new StateSyntax(inner.Start, state, domain, initial, ic.Attributes(latexAllowed: true)));
                    break;
                }
                case "unknown":
                {
                    var unknown = ic.Word("the unknown's name");
                    ic.ExpectChar(':', $"':' and the domain of '{unknown.Text}'");
                    var domain = ic.Math($"the domain of '{unknown.Text}'");
                    dynamic.Unknowns.Add(new UnknownSyntax(inner.Start, unknown, domain, ic.Attributes(latexAllowed: true)));
                    break;
                }
                case "condition": dynamic.Conditions.Add(Condition(inner, ic)); break;
                case "law": dynamic.Laws.Add(Condition(inner, ic)); break;
                case "conditions":
                {
                    var labels = new List<Name>();
                    do labels.Add(ic.Label("the label of a condition to take")); while (ic.TryChar(','));
                    ic.ExpectWord("from", "',' or 'from' and the regime the conditions are taken from");
                    var from = ic.Label("the name of the regime the conditions are taken from");
                    ic.ExpectEnd("the end of the statement");
                    dynamic.Reused.Add(new ReusedConditionsSyntax(inner.Start, labels, from));
                    break;
                }
                case "quantity": dynamic.Quantities.Add(Quantity(inner, ic)); break;
                case "hold":
                    dynamic.Held.Add(new HoldSyntax(inner.Start, ic.Word("the state to hold at its starting value"), ic.Attributes(latexAllowed: false)));
                    break;
                default:
                    if (TopLevel.Contains(keyword.Text))
                        throw _source.Error(keyword.Offset, $"expected 'end' of {opened} before '{keyword.Text}'");
                    throw Misplaced(keyword, InDynamic, null);
            }
        }
    }

    PhaseSyntax Phase(Statement statement, StatementCursor c)
    {
        var name = c.Word("the phase's name");
        Piece? when = c.TryWord("when") ? c.Math($"the relations under which phase '{name.Text}' holds") : null;
        var phase = new PhaseSyntax(statement.Start, name, when, c.Attributes(latexAllowed: false).Description);
        // A phase has a block only when the next statement is one that can only belong to it.
        if (_next >= _statements.Count || _statements[_next].Keyword is not ("fix" or "drop" or "condition" or "quantity" or "hint"))
            return phase;
        var opened = $"phase '{name.Text}' (line {_source.Position(statement.Start).Line})";
        while (true)
        {
            if (_next >= _statements.Count)
                throw _source.Error(statement.Start, $"missing 'end': phase '{name.Text}' is still open at the end of the file");
            var inner = _statements[_next++];
            var ic = new StatementCursor(_source, inner);
            var keyword = ic.Word($"a statement of the phase ({string.Join(", ", InPhase)})");
            switch (keyword.Text)
            {
                case "end": ic.ExpectEnd("the end of the statement after 'end'"); return phase;
                case "fix": phase.Fixes.Add(Fix(inner, ic)); break;
                case "drop":
                    do phase.Dropped.Add(ic.Label("the label of a condition to drop")); while (ic.TryChar(','));
                    ic.ExpectEnd("',' or the end of the statement");
                    break;
                case "condition": phase.Conditions.Add(Condition(inner, ic)); break;
                case "quantity": phase.Quantities.Add(Quantity(inner, ic)); break;
                case "hint": phase.Hints.Add(Hint(inner, ic)); break;
                default:
                    if (TopLevel.Contains(keyword.Text) || InRegime.Contains(keyword.Text))
                        throw _source.Error(keyword.Offset, $"expected 'end' of {opened} before '{keyword.Text}'");
                    throw Misplaced(keyword, InPhase, null);
            }
        }
    }

    CarrySyntax Carry(Statement statement, StatementCursor c)
    {
        var names = new List<Name>();
        do names.Add(c.Word("a name to carry")); while (c.TryChar(','));
        c.ExpectWord("from", "',' or 'from'");
        var from = c.Label("the name of the regime to carry from");
        c.ExpectEnd("the end of the statement");
        return new CarrySyntax(statement.Start, names, from);
    }

    FixSyntax Fix(Statement statement, StatementCursor c)
    {
        var name = c.Word("the name to fix");
        c.ExpectChar('=', $"'=' and the value of '{name.Text}'");
        var value = c.Math($"the value of '{name.Text}'");
        return new FixSyntax(statement.Start, name, value, c.Attributes(latexAllowed: false));
    }

    ConditionSyntax Condition(Statement statement, StatementCursor c)
    {
        var label = c.Label("the condition's label");
        c.ExpectChar(':', $"':' and the equation of condition '{label.Text}'");
        var equation = c.Math($"the equation of condition '{label.Text}'");
        return new ConditionSyntax(statement.Start, label, equation, c.Attributes(latexAllowed: false));
    }

    QuantitySyntax Quantity(Statement statement, StatementCursor c)
    {
        var name = c.Word("the quantity's name");
        c.ExpectChar('=', $"'=' and the definition of '{name.Text}'");
        var definition = c.Math($"the definition of '{name.Text}'");
        return new QuantitySyntax(statement.Start, name, definition, c.Attributes(latexAllowed: true));
    }

    HintSyntax Hint(Statement statement, StatementCursor c)
    {
        var kind = c.Word("solve, add, subtract or ratio");
        switch (kind.Text)
        {
            case "solve":
                var labels = new List<Name>();
                do labels.Add(c.Label("a condition label")); while (c.TryChar(','));
                c.ExpectWord("for", "',' or 'for'");
                var targets = new List<Piece>();
                do targets.Add(c.Math("a target to solve for (an unknown or an expression such as aD^rho)", stopChars: ","));
                while (c.TryChar(','));
                c.ExpectEnd("',' or the end of the statement");
                if (targets.Count != labels.Count)
                    throw _source.Error(kind.Offset, $"'hint solve' needs as many targets as conditions: {labels.Count} condition(s), {targets.Count} target(s)");
                return new SolveHintSyntax(statement.Start, labels, targets);
            case "add" or "subtract" or "ratio":
                var operation = kind.Text switch { "add" => CombineOperation.Add, "subtract" => CombineOperation.Subtract, _ => CombineOperation.Ratio };
                var first = c.Label("a condition label");
                c.ExpectChar(',', "',' and a second condition label");
                var second = c.Label("a condition label");
                c.ExpectEnd("the end of the statement");
                return new CombineHintSyntax(statement.Start, operation, first, second);
            default:
                throw _source.Error(kind.Offset, $"unknown hint '{kind.Text}': expected solve, add, subtract or ratio");
        }
    }

    ThresholdSyntax Threshold(Statement statement, StatementCursor c)
    {
        var name = c.Word("the threshold's name");
        c.ExpectChar(':', $"':' and the equation that defines '{name.Text}'");
        var equation = c.Math($"the equation that defines '{name.Text}'", stopWords: ["for"]);
        c.ExpectWord("for", "'for' and the symbol the threshold is a value of");
        var of = c.Word("the symbol the threshold is a value of");
        Name? phase = c.TryWord("in") ? c.Word("a phase name after 'in'") : null;
        return new ThresholdSyntax(statement.Start, name, equation, of, phase, c.Attributes(latexAllowed: true));
    }
}
