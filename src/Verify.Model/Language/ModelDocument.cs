using Verify.Symbolic.Core;

namespace Verify.Model.Language;

/// <summary>Where a declaration starts in its model file (1-based).</summary>
public sealed record SourceSpan(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>
/// A parsed model file: the primitives of an economic model. Expressions in it may call the
/// file's own functions (C(lo, hi), g(a), ...); <see cref="Inline(Expr)"/> replaces those
/// calls by their bodies, leaving plain expressions with integral nodes.
/// </summary>
public sealed record ModelDocument(
    string Name,
    string? Title,
    string? Source,
    IReadOnlyList<Parameter> Parameters,
    IReadOnlyList<Constraint> Constraints,
    IReadOnlyList<DerivedParameter> Derived,
    ModelVariable? Variable,
    IReadOnlyList<FunctionDefinition> Functions,
    IReadOnlyList<Regime> Regimes,
    string Text)
{
    /// <summary>
    /// <paramref name="e"/> with every call to one of this model's functions replaced by the
    /// function's body (arguments substituted, recursively); built-ins and integrals stay.
    /// </summary>
    public Expr Inline(Expr e) => FunctionInliner.Inline(this, e);

    /// <summary>Both sides of <paramref name="r"/> inlined, see <see cref="Inline(Expr)"/>.</summary>
    public Relation Inline(Relation r) => r with { Left = Inline(r.Left), Right = Inline(r.Right) };

    /// <summary>The regime named <paramref name="name"/>, or null.</summary>
    public Regime? FindRegime(string name) => Regimes.FirstOrDefault(r => r.Name == name);

    /// <summary>The dynamic regimes ('dynamic NAME ... end'), simulated rather than solved.</summary>
    public IReadOnlyList<DynamicRegime> Dynamics { get; init; } = [];

    /// <summary>The dynamic regime named <paramref name="name"/>, or null.</summary>
    public DynamicRegime? FindDynamic(string name) => Dynamics.FirstOrDefault(r => r.Name == name);
}

/// <summary>A parameter with its domain, e.g. sigma : sigma &gt; 1.</summary>
public sealed record Parameter(Symbol Symbol, IReadOnlyList<Relation> Domain, string? Latex, string? Description, SourceSpan Span);

/// <summary>A restriction tying several parameters, e.g. (beta - 1)*fI &lt; f.</summary>
public sealed record Constraint(IReadOnlyList<Relation> Relations, string? Description, SourceSpan Span);

/// <summary>A parameter defined from others (beta = rho/(sigma - 1)); Claims are bounds the engine must prove.</summary>
public sealed record DerivedParameter(Symbol Symbol, Expr Definition, IReadOnlyList<Relation> Claims, string? Latex, string? Description, SourceSpan Span);

/// <summary>The model's integration variable (a firm's cost a) with its range.</summary>
public sealed record ModelVariable(Symbol Symbol, IReadOnlyList<Relation> Domain, string? Latex, string? Description, SourceSpan Span);

/// <summary>A function of the file (density g(a), market weight C(lo, hi), ...): Body over Parameters.</summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<Symbol> Parameters, Expr Body, bool IsDensity, string? Description, SourceSpan Span);

/// <summary>An adjustment regime: its unknowns, the conditions that pin them, and the measures defined on them.</summary>
public sealed record Regime(
    string Name,
    string? Description,
    IReadOnlyList<Carry> Carried,
    IReadOnlyList<Fix> Fixes,
    IReadOnlyList<Unknown> Unknowns,
    IReadOnlyList<Condition> Conditions,
    IReadOnlyList<Quantity> Quantities,
    IReadOnlyList<Phase> Phases,
    IReadOnlyList<Hint> Hints,
    IReadOnlyList<Threshold> Thresholds,
    SourceSpan Span);

/// <summary>Values taken over from another regime's equilibrium: carry aD, nw from autarky.</summary>
public sealed record Carry(IReadOnlyList<Symbol> Names, string FromRegime, SourceSpan Span);

/// <summary>A name held at a given value in this regime or phase: fix sn = sE.</summary>
public sealed record Fix(Symbol Symbol, Expr Value, string? Description, SourceSpan Span);

public sealed record Unknown(Symbol Symbol, IReadOnlyList<Relation> Domain, string? Latex, string? Description, SourceSpan Span);

/// <summary>An equilibrium condition Left = Right, named by a label (cutoff-D-north).</summary>
public sealed record Condition(string Label, Expr Left, Expr Right, string? Description, SourceSpan Span);

/// <summary>A measure defined on the equilibrium (average productivity, welfare, the relocation gain).</summary>
public sealed record Quantity(Symbol Symbol, Expr Definition, string? Latex, string? Description, SourceSpan Span);

/// <summary>
/// A phase of a regime: its own extra conditions, fixes, dropped conditions and quantities. The
/// equilibrium at a point is that of the first phase whose When relations hold at its own
/// solution; a phase without When is the fallback. Its hints run after the regime's.
/// </summary>
public sealed record Phase(
    string Name,
    IReadOnlyList<Relation> When,
    string? Description,
    IReadOnlyList<Fix> Fixes,
    IReadOnlyList<string> Dropped,
    IReadOnlyList<Condition> Conditions,
    IReadOnlyList<Quantity> Quantities,
    IReadOnlyList<Hint> Hints,
    SourceSpan Span);

/// <summary>A strategy step the engine carries out and checks; it never states a result.</summary>
public abstract record Hint(SourceSpan Span);

/// <summary>solve c1[, c2] for t1[, t2]: targets may be unknowns or atoms such as aD^rho (then linear in them).</summary>
public sealed record SolveHint(IReadOnlyList<string> Conditions, IReadOnlyList<Expr> Targets, SourceSpan Span) : Hint(Span);

/// <summary>add/subtract/ratio of two conditions, giving a new condition that replaces the first.</summary>
public sealed record CombineHint(CombineOperation Operation, string First, string Second, SourceSpan Span) : Hint(Span);

public enum CombineOperation { Add, Subtract, Ratio }

/// <summary>threshold phiS : aR = aD for phi in DD — the value of For at which Left = Right holds.</summary>
public sealed record Threshold(Symbol Symbol, Expr Left, Expr Right, Symbol For, string? Phase, string? Latex, string? Description, SourceSpan Span);

/// <summary>
/// A dynamic regime: state variables that start at another regime's equilibrium and move by their
/// laws of motion, and instantaneous unknowns pinned at every moment by the conditions. Parameters
/// are the regime's own (adjustment costs), on top of the model's.
/// </summary>
public sealed record DynamicRegime(
    string Name,
    string? Description,
    string StartRegime,
    IReadOnlyList<Parameter> Parameters,
    IReadOnlyList<StateVariable> States,
    IReadOnlyList<Unknown> Unknowns,
    IReadOnlyList<Condition> Conditions,
    IReadOnlyList<MotionLaw> Laws,
    IReadOnlyList<Quantity> Quantities,
    SourceSpan Span)
{
    /// <summary>The symbol that stands for diff(x, t) of a state x in the laws.</summary>
    public static Symbol RateOf(Symbol state) => Expr.Sym($"d{state.Name}/dt");
}

/// <summary>state K : K &gt; 0 starts n/aD^rho — Start is over the start regime's names; Held states keep it.</summary>
public sealed record StateVariable(Symbol Symbol, IReadOnlyList<Relation> Domain, Expr Start, string? HeldBecause,
    string? Latex, string? Description, SourceSpan Span)
{
    public bool Held => HeldBecause is not null;
}

/// <summary>A law of motion Left = Right in which diff(State, t) appears as <see cref="DynamicRegime.RateOf"/>(State).</summary>
public sealed record MotionLaw(string Label, Symbol State, Expr Left, Expr Right, string? Description, SourceSpan Span);
