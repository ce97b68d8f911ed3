using System.Collections.Immutable;
using Verify.Symbolic.Core;
using Verify.Symbolic.Text;

namespace Verify.Model.Language;

/// <summary>
/// Builds one dynamic regime: its own parameters, states, instantaneous unknowns and quantities
/// declared in a scope of their own; starting values read among the start regime's names;
/// conditions written here or taken by label from a static regime and read again here; laws of
/// motion in which diff(x, t) of a state x stands for its rate. Checks that every state that is not
/// held has exactly one law and that the instantaneous conditions are as many as the unknowns.
/// </summary>
sealed class DynamicBuilder
{
    static readonly Symbol Time = Expr.Sym("t");

    readonly ModelContext _context;
    readonly SourceText _source;
    readonly DynamicSyntax _syntax;
    readonly Dictionary<string, Symbol> _symbols = new(StringComparer.Ordinal);
    readonly ExpressionReader _lawReader;
    SymbolTable _table = SymbolTable.Empty;

    DynamicBuilder(ModelContext context, DynamicSyntax syntax, ImmutableDictionary<string, int> functions)
    {
        _context = context;
        _source = context.Source;
        _syntax = syntax;
        // In a law diff(x, t) stays a call, to become the rate of state x.
        _lawReader = new ExpressionReader(_source, functions, deferDerivatives: true);
    }

    public static DynamicRegime Build(ModelContext context, DynamicSyntax syntax, ModelSyntax file,
        IReadOnlyList<RegimeBuilder.Built> regimes, IReadOnlyList<DynamicRegime> earlier, ImmutableDictionary<string, int> functions)
    {
        var source = context.Source;
        if (regimes.FirstOrDefault(r => r.Regime.Name == syntax.Name.Text) is { } staticTwin)
            throw source.Error(syntax.Name.Offset, $"duplicate regime '{syntax.Name.Text}': already declared at line {staticTwin.Regime.Span.Line}");
        if (earlier.FirstOrDefault(d => d.Name == syntax.Name.Text) is { } twin)
            throw source.Error(syntax.Name.Offset, $"duplicate regime '{syntax.Name.Text}': already declared at line {twin.Span.Line}");
        TakeFrom(source, syntax, file.Dynamics);
        return new DynamicBuilder(context, syntax, functions).Build(file, regimes);
    }

    /// <summary>'dynamics from X' puts X's statements before this regime's own, as if written here.</summary>
    static void TakeFrom(SourceText source, DynamicSyntax syntax, IReadOnlyList<DynamicSyntax> all)
    {
        if (syntax.From is not { } from) return;
        var self = all.ToList().IndexOf(syntax);
        var index = all.ToList().FindIndex(d => d.Name.Text == from.Text);
        if (index < 0 || index >= self)
        {
            var problem = from.Text == syntax.Name.Text ? "a dynamic regime cannot be built on itself"
                : index > self ? $"dynamic regime '{from.Text}' comes later in the file"
                : $"there is no dynamic regime '{from.Text}' before this one";
            throw source.Error(from.Offset, $"cannot take the dynamics of '{from.Text}': {problem}");
        }
        var x = all[index];
        syntax.Start ??= x.Start;
        syntax.Parameters.InsertRange(0, x.Parameters);
        syntax.States.InsertRange(0, x.States);
        syntax.Unknowns.InsertRange(0, x.Unknowns);
        syntax.Conditions.InsertRange(0, x.Conditions);
        syntax.Reused.InsertRange(0, x.Reused);
        syntax.Laws.InsertRange(0, x.Laws);
        syntax.Quantities.InsertRange(0, x.Quantities);
        syntax.Held.InsertRange(0, x.Held);
        syntax.From = null;
    }

    DynamicRegime Build(ModelSyntax file, IReadOnlyList<RegimeBuilder.Built> regimes)
    {
        if (_syntax.Start is not { } startName)
            throw _source.Error(_syntax.Name.Offset, $"dynamic regime '{_syntax.Name.Text}' needs 'start from REGIME': the regime whose equilibrium the states start at");
        var start = regimes.FirstOrDefault(r => r.Regime.Name == startName.Text)
            ?? throw _source.Error(startName.Offset, $"there is no regime '{startName.Text}' to start from");

        DeclareAndInferSigns();
        var reader = _context.Reader;
        var parameters = _syntax.Parameters.Select(p => new Parameter(_symbols[p.Name.Text], reader.Relations(p.Domain, _table),
            p.Attributes.Latex, p.Attributes.Description, _source.Span(p.At))).ToList();

        var held = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var h in _syntax.Held)
        {
            if (!_syntax.States.Any(s => s.Name.Text == h.Name.Text))
                throw _source.Error(h.Name.Offset, $"cannot hold '{h.Name.Text}': it is not a state of dynamic regime '{_syntax.Name.Text}'");
            held[h.Name.Text] = h.Attributes.Description ?? "held at its starting value";
        }
        var startTable = _context.Table.Add(start.Symbols.Values);
        var states = _syntax.States.Select(s => new StateVariable(_symbols[s.Name.Text], reader.Relations(s.Domain, _table),
            reader.Expression(s.Initial, startTable), held.GetValueOrDefault(s.Name.Text),
            s.Attributes.Latex, s.Attributes.Description, _source.Span(s.At))).ToList();
        var unknowns = _syntax.Unknowns.Select(u => new Unknown(_symbols[u.Name.Text], reader.Relations(u.Domain, _table),
            u.Attributes.Latex, u.Attributes.Description, _source.Span(u.At))).ToList();

        var conditions = new List<Condition>();
        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (syntax, at) in _syntax.Reused.SelectMany(r => Reused(r, file))
                     .Concat(_syntax.Conditions.Select(c => (c, c.Label.Offset))))
        {
            if (!labels.Add(syntax.Label.Text))
                throw _source.Error(at, $"duplicate condition '{syntax.Label.Text}' in dynamic regime '{_syntax.Name.Text}'");
            conditions.Add(BuildCondition(syntax));
        }
        if (conditions.Count != unknowns.Count)
            throw _source.Error(_syntax.Name.Offset,
                $"dynamic regime '{_syntax.Name.Text}' has {unknowns.Count} instantaneous unknown(s) but {conditions.Count} condition(s): they must be as many");

        var laws = _syntax.Laws.Select(BuildLaw).ToList();
        foreach (var s in _syntax.States.Where(s => !held.ContainsKey(s.Name.Text)))
        {
            var count = laws.Count(l => l.State.Name == s.Name.Text);
            if (count != 1)
                throw _source.Error(s.Name.Offset,
                    $"state '{s.Name.Text}' has {count} laws of motion: it needs exactly one (or 'hold {s.Name.Text}')");
        }
        var quantities = _syntax.Quantities.Select(q => new Quantity(_symbols[q.Name.Text], reader.Expression(q.Definition, _table),
            q.Attributes.Latex, q.Attributes.Description, _source.Span(q.At))).ToList();

        return new DynamicRegime(_syntax.Name.Text, _syntax.Description, start.Regime.Name, parameters, states, unknowns,
            conditions, laws, quantities, _source.Span(_syntax.At));
    }

    void DeclareAndInferSigns()
    {
        var scope = new Scope(_source, _context.Globals);
        foreach (var p in _syntax.Parameters) scope.Declare(p.Name, "adjustment parameter");
        foreach (var s in _syntax.States) scope.Declare(s.Name, "state");
        foreach (var u in _syntax.Unknowns) scope.Declare(u.Name, "unknown");
        foreach (var q in _syntax.Quantities) scope.Declare(q.Name, "quantity");

        var names = _context.GlobalNames
            .Concat(_syntax.Parameters.Select(p => p.Name.Text))
            .Concat(_syntax.States.Select(s => s.Name.Text))
            .Concat(_syntax.Unknowns.Select(u => u.Name.Text))
            .Concat(_syntax.Quantities.Select(q => q.Name.Text)).ToList();
        var provisional = ModelContext.RealTable(names);
        var bounds = _context.Bounds.Derive();
        foreach (var (name, domain) in _syntax.Parameters.Select(p => (p.Name, p.Domain))
                     .Concat(_syntax.States.Select(s => (s.Name, s.Domain)))
                     .Concat(_syntax.Unknowns.Select(u => (u.Name, u.Domain))))
        {
            var relations = _context.Reader.Relations(domain, provisional);
            bounds.Set(name.Text, bounds.FromDomain(name.Text, relations));
            foreach (var r in relations) bounds.Assume(r);
        }
        var definitions = _syntax.Quantities.ToDictionary(q => q.Name.Text, q => _context.Reader.Expression(q.Definition, provisional), StringComparer.Ordinal);
        var nodes = _syntax.Quantities.Select(q => new DefinitionOrder.Node(q.Name.Text, q.Name.Offset,
            definitions[q.Name.Text].FreeSymbols().Select(s => s.Name).ToList())).ToList();
        foreach (var node in DefinitionOrder.Sort(nodes, _source, $"dynamic regime '{_syntax.Name.Text}'"))
            bounds.Set(node.Name, bounds.Of(definitions[node.Name]));

        foreach (var name in names.Skip(_context.GlobalNames.Count))
            _symbols[name] = Expr.Sym(name, bounds.SignOf(name));
        _table = _context.Table.Add(_symbols.Values);
    }

    /// <summary>The conditions a 'conditions ... from R' statement names, as written in static regime R.</summary>
    IEnumerable<(ConditionSyntax Condition, int At)> Reused(ReusedConditionsSyntax reused, ModelSyntax file)
    {
        var regime = file.Regimes.FirstOrDefault(r => r.Name.Text == reused.From.Text)
            ?? throw _source.Error(reused.From.Offset, $"there is no regime '{reused.From.Text}' to take conditions from");
        foreach (var label in reused.Labels)
            yield return (regime.Conditions.FirstOrDefault(c => c.Label.Text == label.Text)
                ?? throw _source.Error(label.Offset, $"regime '{reused.From.Text}' has no condition '{label.Text}' (a regime-level condition)"), label.Offset);
    }

    Condition BuildCondition(ConditionSyntax c)
    {
        var equation = _context.Reader.Equation(c.Equation, _table, $"condition '{c.Label.Text}'");
        return new Condition(c.Label.Text, equation.Left, equation.Right, c.Attributes.Description, _source.Span(c.At));
    }

    /// <summary>A law: an equation with exactly one diff(x, t), x a state; the call becomes the rate symbol of x.</summary>
    MotionLaw BuildLaw(ConditionSyntax law)
    {
        var what = $"law '{law.Label.Text}'";
        var equation = _lawReader.Equation(law.Equation, _table.Add([Time]), what);
        var states = new List<Symbol>();
        Expr Replace(Expr e) => Canonical.Transform(e, node =>
        {
            if (node is not Call { Name: "diff" } call) return node;
            if (call.Arguments.Length != 2 || call.Arguments[1] != Time || call.Arguments[0] is not Symbol x
                || !_syntax.States.Any(s => s.Name.Text == x.Name))
                throw _source.Error(law.Equation.Start, $"{what}: diff(x, t) must name a state x of this regime and the time t");
            states.Add(_symbols[x.Name]);
            return DynamicRegime.RateOf(_symbols[x.Name]);
        }, StructuralSign.Instance);
        var left = Replace(equation.Left);
        var right = Replace(equation.Right);
        var distinct = states.Distinct().ToList();
        if (distinct.Count != 1)
            throw _source.Error(law.Equation.Start, $"{what} must contain diff(x, t) of exactly one state (found {distinct.Count})");
        if (left.FreeSymbols().Concat(right.FreeSymbols()).Contains(Time))
            throw _source.Error(law.Equation.Start, $"{what}: t may appear only in diff(x, t) (the laws do not depend on time itself)");
        return new MotionLaw(law.Label.Text, distinct[0], left, right, law.Attributes.Description, _source.Span(law.At));
    }
}
