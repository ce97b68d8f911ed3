using System.Collections.Immutable;
using Verify.Symbolic.Core;
using Verify.Symbolic.Text;

namespace Verify.Model.Language;

/// <summary>
/// Turns <see cref="ModelSyntax"/> into a <see cref="ModelDocument"/>: declares the file's
/// names, infers each symbol's sign, parses every math piece against the names in scope, and
/// builds the regimes (<see cref="RegimeBuilder"/>). The first problem found is thrown as a
/// <see cref="ModelException"/>.
/// </summary>
sealed class ModelBuilder
{
    readonly SourceText _source;
    readonly ModelSyntax _syntax;
    readonly ModelContext _context;

    ModelBuilder(SourceText source, ModelSyntax syntax)
    {
        _source = source;
        _syntax = syntax;
        // Reserved names are rejected when declared; leaving them out here keeps the parse context valid until then.
        var functions = syntax.Functions
            .Where(f => !Scope.IsReserved(f.Name.Text))
            .GroupBy(f => f.Name.Text, StringComparer.Ordinal)
            .ToImmutableDictionary(g => g.Key, g => g.First().Parameters.Count, StringComparer.Ordinal);
        _context = new ModelContext(source, new Scope(source), new ExpressionReader(source, functions));
    }

    public static ModelDocument Build(SourceText source, ModelSyntax syntax) => new ModelBuilder(source, syntax).Build();

    ModelDocument Build()
    {
        if (_syntax.Model is null) throw _source.Error(0, "expected a 'model NAME' statement naming the model");
        DeclareGlobals();
        InferGlobalSigns();

        var table = _context.Table;
        var parameters = _syntax.Parameters.Select(p => new Parameter(
            Symbol(p.Name), _context.Reader.Relations(p.Domain, table), p.Attributes.Latex, p.Attributes.Description, _source.Span(p.At))).ToList();
        var constraints = _syntax.Constraints.Select(c => new Constraint(
            _context.Reader.Relations(c.Relations, table), c.Attributes.Description, _source.Span(c.At))).ToList();
        var derived = _syntax.Derived.Select(d => new DerivedParameter(
            Symbol(d.Name), _context.Reader.Expression(d.Definition, table),
            d.Claims is { } claims ? _context.Reader.Relations(claims, table) : [],
            d.Attributes.Latex, d.Attributes.Description, _source.Span(d.At))).ToList();
        var variable = _syntax.Variables.Select(v => new ModelVariable(
            Symbol(v.Name), _context.Reader.Relations(v.Domain, table), v.Attributes.Latex, v.Attributes.Description, _source.Span(v.At))).FirstOrDefault();
        var functions = BuildFunctions(variable?.Symbol);

        var regimes = new List<RegimeBuilder.Built>();
        foreach (var r in _syntax.Regimes)
            regimes.Add(RegimeBuilder.Build(_context, r, regimes, _syntax.Regimes));

        var dynamics = new List<DynamicRegime>();
        foreach (var d in _syntax.Dynamics)
            dynamics.Add(DynamicBuilder.Build(_context, d, _syntax, regimes, dynamics, FunctionArities()));

        return new ModelDocument(_syntax.Model.Text, _syntax.Title, _syntax.Source, parameters, constraints, derived, variable,
            functions, regimes.Select(r => r.Regime).ToList(), _source.Original) { Dynamics = dynamics };
    }

    ImmutableDictionary<string, int> FunctionArities() => _syntax.Functions
        .Where(f => !Scope.IsReserved(f.Name.Text))
        .GroupBy(f => f.Name.Text, StringComparer.Ordinal)
        .ToImmutableDictionary(g => g.Key, g => g.First().Parameters.Count, StringComparer.Ordinal);

    Symbol Symbol(Name name) => _context.Table.TryGet(name.Text, out var s) ? s : throw new InvalidOperationException($"'{name.Text}' was not declared");

    void DeclareGlobals()
    {
        var globals = _context.Globals;
        foreach (var p in _syntax.Parameters) globals.Declare(p.Name, "parameter");
        foreach (var d in _syntax.Derived) globals.Declare(d.Name, "derived parameter");
        if (_syntax.Variables.Count > 1)
            throw _source.Error(_syntax.Variables[1].At,
                $"a second 'variable' statement: the model has one integration variable, '{_syntax.Variables[0].Name.Text}' (line {_source.Position(_syntax.Variables[0].At).Line})");
        foreach (var v in _syntax.Variables) globals.Declare(v.Name, "variable");
        foreach (var f in _syntax.Functions) globals.Declare(f.Name, f.IsDensity ? "density" : "function");
    }

    /// <summary>
    /// Signs of parameters and the variable from their domains in file order, then of derived
    /// parameters from their definitions in dependency order (their claims are still to be proved, so unused).
    /// </summary>
    void InferGlobalSigns()
    {
        var bounds = _context.Bounds;
        var names = _syntax.Parameters.Select(p => p.Name.Text)
            .Concat(_syntax.Variables.Select(v => v.Name.Text))
            .Concat(_syntax.Derived.Select(d => d.Name.Text)).ToList();
        _context.GlobalNames.AddRange(names);
        var provisional = ModelContext.RealTable(names);

        foreach (var p in _syntax.Parameters)
        {
            var domain = _context.Reader.Relations(p.Domain, provisional);
            bounds.Set(p.Name.Text, bounds.FromDomain(p.Name.Text, domain));
            foreach (var r in domain) bounds.Assume(r);
        }
        foreach (var c in _syntax.Constraints)
            foreach (var r in _context.Reader.Relations(c.Relations, provisional)) bounds.Assume(r);
        foreach (var v in _syntax.Variables)
            bounds.Set(v.Name.Text, bounds.FromDomain(v.Name.Text, _context.Reader.Relations(v.Domain, provisional)));

        var definitions = _syntax.Derived.ToDictionary(d => d.Name.Text, d => _context.Reader.Expression(d.Definition, provisional));
        var nodes = _syntax.Derived.Select(d => new DefinitionOrder.Node(d.Name.Text, d.Name.Offset,
            definitions[d.Name.Text].FreeSymbols().Select(s => s.Name).ToList())).ToList();
        foreach (var node in DefinitionOrder.Sort(nodes, _source, "derived parameters"))
            bounds.Set(node.Name, bounds.Of(definitions[node.Name]));

        _context.Table = SymbolTable.Of(names.Select(n => Expr.Sym(n, bounds.SignOf(n))));
    }

    List<FunctionDefinition> BuildFunctions(Symbol? variable)
    {
        var built = new List<FunctionDefinition>();
        var nodes = new List<DefinitionOrder.Node>();
        foreach (var f in _syntax.Functions)
        {
            var scope = new Scope(_source, _context.Globals);
            var parameters = new List<Symbol>();
            foreach (var p in f.Parameters)
            {
                if (f.IsDensity)
                {
                    // The density is a function of the model's variable, and its body is read with the variable's sign.
                    if (variable is null)
                        throw _source.Error(p.Offset, $"density '{f.Name.Text}' needs the model's variable: declare it first with 'variable {p.Text} : ...'");
                    if (p.Text != variable.Name)
                        throw _source.Error(p.Offset, $"expected the model's variable '{variable.Name}' as the parameter of density '{f.Name.Text}' but found '{p.Text}'");
                    parameters.Add(variable);
                    continue;
                }
                scope.Declare(p, $"parameter of function '{f.Name.Text}'");
                parameters.Add(Expr.Sym(p.Text));
            }
            var body = _context.Reader.Expression(f.Body, _context.Table.Add(parameters));
            built.Add(new FunctionDefinition(f.Name.Text, parameters, body, f.IsDensity, f.Attributes.Description, _source.Span(f.At)));
            nodes.Add(new DefinitionOrder.Node(f.Name.Text, f.Name.Offset, CalledFunctions(body)));
        }
        DefinitionOrder.Sort(nodes, _source, "functions");
        return built;
    }

    static List<string> CalledFunctions(Expr body)
    {
        var names = new List<string>();
        body.Any(n => { if (n is Call c) names.Add(c.Name); return false; });
        return names;
    }
}

/// <summary>What the whole file shares while it is built: its names, their bounds and final symbols, and the expression reader.</summary>
sealed class ModelContext(SourceText source, Scope globals, ExpressionReader reader)
{
    public SourceText Source { get; } = source;
    public Scope Globals { get; } = globals;
    public ExpressionReader Reader { get; } = reader;
    public LowerBounds Bounds { get; } = new();

    /// <summary>The global symbol names (parameters, variable, derived), for provisional tables.</summary>
    public List<string> GlobalNames { get; } = [];

    /// <summary>The global symbols with their inferred signs.</summary>
    public SymbolTable Table { get; set; } = SymbolTable.Empty;

    /// <summary>
    /// Every name as a symbol of unknown sign: signs are inferred from expressions read with this
    /// table, so that the relations assumed on the way compare equal whatever signs come out.
    /// </summary>
    public static SymbolTable RealTable(IEnumerable<string> names) => SymbolTable.Of(names.Distinct().Select(n => Expr.Sym(n)));
}
