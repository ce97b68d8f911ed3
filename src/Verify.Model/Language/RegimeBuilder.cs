using Verify.Symbolic.Core;
using Verify.Symbolic.Text;

namespace Verify.Model.Language;

/// <summary>
/// Builds one regime: carried names from earlier regimes, then signs (unknowns from their
/// domains in file order, fixed names and quantities from their definitions in dependency
/// order), then every statement parsed against the regime's names, then its phases, and
/// finally the checks of <see cref="RegimeChecks"/>.
/// </summary>
sealed class RegimeBuilder
{
    /// <summary>A built regime with its regime-level symbols by name, for later 'carry ... from' it.</summary>
    public sealed record Built(Regime Regime, IReadOnlyDictionary<string, Symbol> Symbols);

    readonly ModelContext _context;
    readonly SourceText _source;
    readonly RegimeSyntax _syntax;
    readonly Scope _scope;
    readonly LowerBounds _bounds;
    readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);
    readonly List<string> _provisionalNames;
    readonly Dictionary<string, Expr> _provisionalDefinitions = new(StringComparer.Ordinal);
    readonly List<DefinitionOrder.Node> _definitionNodes = [];
    SymbolTable _table = SymbolTable.Empty;

    RegimeBuilder(ModelContext context, RegimeSyntax syntax)
    {
        _context = context;
        _source = context.Source;
        _syntax = syntax;
        _scope = new Scope(_source, context.Globals);
        _bounds = context.Bounds.Derive();
        _provisionalNames = [.. context.GlobalNames];
    }

    public static Built Build(ModelContext context, RegimeSyntax syntax, IReadOnlyList<Built> earlier, IReadOnlyList<RegimeSyntax> all)
    {
        if (earlier.FirstOrDefault(b => b.Regime.Name == syntax.Name.Text) is { } twin)
            throw context.Source.Error(syntax.Name.Offset, $"duplicate regime '{syntax.Name.Text}': already declared at line {twin.Regime.Span.Line}");
        TakePhases(context.Source, syntax, all);
        return new RegimeBuilder(context, syntax).Build(earlier, all);
    }

    /// <summary>
    /// 'phases from X' puts X's phases before the regime's own, as if written there: they are read
    /// in this regime's scope (its unknowns, conditions and drops), and errors point to their text in X.
    /// </summary>
    static void TakePhases(SourceText source, RegimeSyntax syntax, IReadOnlyList<RegimeSyntax> all)
    {
        var taken = new List<PhaseSyntax>();
        var names = all.Select(r => r.Name.Text).ToList();
        var self = all.ToList().IndexOf(syntax);
        foreach (var from in syntax.PhasesFrom)
        {
            var index = names.IndexOf(from.Text);
            if (index < 0 || index >= self)
            {
                var problem = from.Text == syntax.Name.Text ? "a regime cannot take its own phases"
                    : index > self ? $"regime '{from.Text}' comes later in the file; take phases only from an earlier regime"
                    : $"there is no regime '{from.Text}' before this one";
                throw source.Error(from.Offset, $"cannot take the phases of '{from.Text}': {problem}");
            }
            // X was built already, so phases X took from another regime are among its own by now.
            taken.AddRange(all[index].Phases);
        }
        syntax.Phases.InsertRange(0, taken);
        syntax.PhasesFrom.Clear();
    }

    Built Build(IReadOnlyList<Built> earlier, IReadOnlyList<RegimeSyntax> all)
    {
        var carried = Carry(earlier, all);
        Declare();
        InferSigns();

        var reader = _context.Reader;
        var fixes = _syntax.Fixes.Select(f => new Fix(_symbols[f.Name.Text], reader.Expression(f.Value, _table), f.Attributes.Description, _source.Span(f.At))).ToList();
        var unknowns = _syntax.Unknowns.Select(u => new Unknown(_symbols[u.Name.Text], reader.Relations(u.Domain, _table),
            u.Attributes.Latex, u.Attributes.Description, _source.Span(u.At))).ToList();
        var conditions = _syntax.Conditions.Select(c => BuildCondition(c, _table)).ToList();
        var quantities = _syntax.Quantities.Select(q => BuildQuantity(q, _symbols[q.Name.Text], _table)).ToList();
        var phases = _syntax.Phases.Select(BuildPhase).ToList();
        var hints = _syntax.Hints.Select(h => BuildHint(h, _table)).ToList();
        var thresholds = _syntax.Thresholds.Select(t => BuildThreshold(t, phases)).ToList();

        var regime = new Regime(_syntax.Name.Text, _syntax.Description, carried, fixes, unknowns, conditions, quantities,
            phases.Select(p => p.Phase).ToList(), hints, thresholds, _source.Span(_syntax.At));
        RegimeChecks.Check(_source, _syntax, regime);
        return new Built(regime, new Dictionary<string, Symbol>(_symbols, StringComparer.Ordinal));
    }

    List<Carry> Carry(IReadOnlyList<Built> earlier, IReadOnlyList<RegimeSyntax> all)
    {
        var carries = new List<Carry>();
        foreach (var c in _syntax.Carried)
        {
            var from = earlier.FirstOrDefault(b => b.Regime.Name == c.From.Text);
            if (from is null)
            {
                var problem = c.From.Text == _syntax.Name.Text ? "a regime cannot carry from itself"
                    : all.Any(r => r.Name.Text == c.From.Text) ? $"regime '{c.From.Text}' comes later in the file; carry only from an earlier regime"
                    : $"there is no regime '{c.From.Text}' before this one";
                throw _source.Error(c.From.Offset, $"cannot carry from '{c.From.Text}': {problem}");
            }
            var symbols = new List<Symbol>();
            foreach (var n in c.Names)
            {
                if (!from.Symbols.TryGetValue(n.Text, out var symbol))
                    throw _source.Error(n.Offset,
                        $"cannot carry '{n.Text}': regime '{c.From.Text}' has no unknown, quantity or fixed name '{n.Text}'");
                _scope.Declare(n, "carried name");
                _symbols[n.Text] = symbol;
                _bounds.Set(n.Text, symbol.Sign == SymbolSign.Real ? null : LowerBound.Of(symbol.Sign));
                _provisionalNames.Add(n.Text);
                symbols.Add(symbol);
            }
            carries.Add(new Carry(symbols, c.From.Text, _source.Span(c.At)));
        }
        return carries;
    }

    void Declare()
    {
        foreach (var f in _syntax.Fixes) _scope.Declare(f.Name, "fixed name");
        foreach (var u in _syntax.Unknowns) _scope.Declare(u.Name, "unknown");
        foreach (var q in _syntax.Quantities) _scope.Declare(q.Name, "quantity");
        foreach (var t in _syntax.Thresholds) _scope.Declare(t.Name, "threshold");
        var phases = new Dictionary<string, PhaseSyntax>(StringComparer.Ordinal);
        foreach (var p in _syntax.Phases)
            if (!phases.TryAdd(p.Name.Text, p))
                throw _source.Error(p.Name.Offset,
                    $"duplicate phase '{p.Name.Text}': already declared at line {_source.Position(phases[p.Name.Text].At).Line}");
        _provisionalNames.AddRange(_syntax.Fixes.Select(f => f.Name.Text));
        _provisionalNames.AddRange(_syntax.Unknowns.Select(u => u.Name.Text));
        _provisionalNames.AddRange(_syntax.Quantities.Select(q => q.Name.Text));
    }

    void InferSigns()
    {
        var provisional = ModelContext.RealTable(_provisionalNames);
        foreach (var u in _syntax.Unknowns)
        {
            var domain = _context.Reader.Relations(u.Domain, provisional);
            _bounds.Set(u.Name.Text, _bounds.FromDomain(u.Name.Text, domain));
            foreach (var r in domain) _bounds.Assume(r);
        }
        foreach (var (name, piece) in _syntax.Fixes.Select(f => (f.Name, f.Value)).Concat(_syntax.Quantities.Select(q => (q.Name, q.Definition))))
        {
            var definition = _context.Reader.Expression(piece, provisional);
            _provisionalDefinitions[name.Text] = definition;
            _definitionNodes.Add(new DefinitionOrder.Node(name.Text, name.Offset, Uses(definition)));
        }
        foreach (var node in DefinitionOrder.Sort(_definitionNodes, _source, $"regime '{_syntax.Name.Text}'"))
            _bounds.Set(node.Name, _bounds.Of(_provisionalDefinitions[node.Name]));

        foreach (var name in _syntax.Fixes.Select(f => f.Name.Text).Concat(_syntax.Unknowns.Select(u => u.Name.Text)).Concat(_syntax.Quantities.Select(q => q.Name.Text)))
            _symbols[name] = Expr.Sym(name, _bounds.SignOf(name));
        _table = _context.Table.Add(_symbols.Values);
    }

    static List<string> Uses(Expr definition) => definition.FreeSymbols().Select(s => s.Name).ToList();

    (Phase Phase, SymbolTable Table) BuildPhase(PhaseSyntax p)
    {
        var scope = new Scope(_source, _scope);
        var fixedUnknowns = new HashSet<string>(StringComparer.Ordinal);
        var newNames = new List<string>();
        foreach (var f in p.Fixes)
        {
            var entry = scope.Find(f.Name.Text);
            if (entry is null)
            {
                scope.Declare(f.Name, "phase-fixed name");
                newNames.Add(f.Name.Text);
            }
            else if (entry.Kind == "unknown")
            {
                if (!fixedUnknowns.Add(f.Name.Text))
                    throw _source.Error(f.Name.Offset, $"'{f.Name.Text}' is fixed twice in phase '{p.Name.Text}'");
            }
            else
                throw _source.Error(f.Name.Offset,
                    $"phase '{p.Name.Text}' cannot fix '{f.Name.Text}', {Describe(entry)}: a phase fixes unknowns of its regime or introduces new names");
        }
        foreach (var q in p.Quantities)
        {
            scope.Declare(q.Name, "phase quantity");
            newNames.Add(q.Name.Text);
        }

        // Signs of the phase's own names, and a check for cycles through the regime's definitions.
        var provisional = ModelContext.RealTable(_provisionalNames.Concat(newNames));
        var definitions = new Dictionary<string, Expr>(_provisionalDefinitions, StringComparer.Ordinal);
        var nodes = new List<DefinitionOrder.Node>(_definitionNodes);
        foreach (var (name, piece) in p.Fixes.Select(f => (f.Name, f.Value)).Concat(p.Quantities.Select(q => (q.Name, q.Definition))))
        {
            var definition = _context.Reader.Expression(piece, provisional);
            definitions[name.Text] = definition;
            nodes.Add(new DefinitionOrder.Node(name.Text, name.Offset, Uses(definition)));
        }
        var bounds = _bounds.Derive();
        var isNew = newNames.ToHashSet(StringComparer.Ordinal);
        foreach (var node in DefinitionOrder.Sort(nodes, _source, $"phase '{p.Name.Text}'"))
            if (isNew.Contains(node.Name)) bounds.Set(node.Name, bounds.Of(definitions[node.Name]));

        var local = newNames.ToDictionary(n => n, n => Expr.Sym(n, bounds.SignOf(n)), StringComparer.Ordinal);
        var table = _table.Add(local.Values);
        var reader = _context.Reader;
        var phase = new Phase(
            p.Name.Text,
            p.When is { } when ? reader.Relations(when, table) : [],
            p.Description,
            p.Fixes.Select(f => new Fix(local.GetValueOrDefault(f.Name.Text) ?? _symbols[f.Name.Text],
                reader.Expression(f.Value, table), f.Attributes.Description, _source.Span(f.At))).ToList(),
            p.Dropped.Select(d => d.Text).ToList(),
            p.Conditions.Select(c => BuildCondition(c, table)).ToList(),
            p.Quantities.Select(q => BuildQuantity(q, local[q.Name.Text], table)).ToList(),
            p.Hints.Select(h => BuildHint(h, table)).ToList(),
            _source.Span(p.At));
        return (phase, table);
    }

    string Describe(Scope.Entry entry) =>
        $"which is {(entry.Kind[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a")} {entry.Kind} (line {_source.Position(entry.Offset).Line})";

    Condition BuildCondition(ConditionSyntax c, SymbolTable table)
    {
        var equation = _context.Reader.Equation(c.Equation, table, $"condition '{c.Label.Text}'");
        return new Condition(c.Label.Text, equation.Left, equation.Right, c.Attributes.Description, _source.Span(c.At));
    }

    Quantity BuildQuantity(QuantitySyntax q, Symbol symbol, SymbolTable table) =>
        new(symbol, _context.Reader.Expression(q.Definition, table), q.Attributes.Latex, q.Attributes.Description, _source.Span(q.At));

    Hint BuildHint(HintSyntax h, SymbolTable table) => h switch
    {
        SolveHintSyntax s => new SolveHint(s.Conditions.Select(c => c.Text).ToList(),
            s.Targets.Select(t => _context.Reader.Expression(t, table)).ToList(), _source.Span(s.At)),
        CombineHintSyntax c => new CombineHint(c.Operation, c.First.Text, c.Second.Text, _source.Span(c.At)),
        _ => throw new InvalidOperationException($"unexpected hint {h.GetType().Name}"),
    };

    Threshold BuildThreshold(ThresholdSyntax t, List<(Phase Phase, SymbolTable Table)> phases)
    {
        var table = _table;
        if (t.Phase is { } phaseName)
        {
            var phase = phases.FirstOrDefault(p => p.Phase.Name == phaseName.Text);
            if (phase.Phase is null)
                throw _source.Error(phaseName.Offset, $"regime '{_syntax.Name.Text}' has no phase '{phaseName.Text}'");
            table = phase.Table;
        }
        var equation = _context.Reader.Equation(t.Equation, table, $"threshold '{t.Name.Text}'");
        if (!table.TryGet(t.For.Text, out var of))
            throw _source.Error(t.For.Offset, $"unknown name '{t.For.Text}'");
        // The threshold is a value of its 'for' symbol, so it takes that symbol's sign.
        var symbol = Expr.Sym(t.Name.Text, of.Sign);
        return new Threshold(symbol, equation.Left, equation.Right, of, t.Phase?.Text, t.Attributes.Latex, t.Attributes.Description, _source.Span(t.At));
    }
}
