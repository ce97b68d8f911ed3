using System.Collections.Immutable;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Numbers;

/// <summary>
/// The value graph behind a compiled delegate: one node per distinct value, so structurally
/// equal sub-trees (across all outputs) are computed once. A sub-tree's value depends on where
/// its symbols are bound, so a node is keyed by the expression and its home scope: the
/// innermost enclosing integral that binds one of its free symbols, or the top scope (the
/// parameters). Sub-trees of an integrand that do not involve the integration variable thus
/// live outside the integrand and are computed once per call, not once per quadrature point.
/// All names and functions are resolved here, so errors surface at compile time.
/// </summary>
internal sealed class CompilationPlan
{
    internal sealed class Scope(Scope? parent, Symbol? variable)
    {
        public Scope? Parent { get; } = parent;
        /// <summary>The integration variable this scope binds; null for the top scope.</summary>
        public Symbol? Variable { get; } = variable;
        /// <summary>The nodes that live here, each after every node it depends on.</summary>
        public List<Node> Order { get; } = [];
    }

    internal sealed class Node(Expr expr, Scope home)
    {
        public Expr Expr { get; } = expr;
        public Scope Home { get; } = home;
        public Node[] Kids { get; set; } = [];
        public int Uses { get; set; } = 1;
        public bool UsedFromOtherScope { get; set; }
        /// <summary>Index into the parameters, for a symbol of the top scope.</summary>
        public int ParameterIndex { get; set; } = -1;
        /// <summary>The resolved function, for a call that is not built in.</summary>
        public Func<double[], double>? Function { get; set; }
        /// <summary>For an integral: the scope of its integrand (Kids are body, lower, upper).</summary>
        public Scope? BodyScope { get; set; }
        /// <summary>The parameters its value depends on, one bit each (every bit past the 64th parameter).</summary>
        public ulong Inputs { get; set; }
        /// <summary>No function from the table below it: its value is a function of <see cref="Inputs"/> alone.</summary>
        public bool Pure { get; set; } = true;
        /// <summary>Kept in a local when it is read more than once or from an integrand.</summary>
        public bool NeedsLocal => Expr is not (Number or Symbol) && (Uses > 1 || UsedFromOtherScope);
    }

    readonly Dictionary<Symbol, int> _parameterIndex = [];
    readonly FunctionTable _functions;
    readonly Dictionary<(Expr, Scope), Node> _nodes = [];
    readonly Dictionary<Expr, ImmutableHashSet<Symbol>> _free = [];

    public Scope Top { get; } = new(null, null);
    public IReadOnlyList<Node> Outputs { get; }
    public int ParameterCount { get; }
    public bool[] ParameterUsed { get; }

    public CompilationPlan(IReadOnlyList<Expr> outputs, IReadOnlyList<Symbol> parameters, FunctionTable functions)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(parameters);
        for (int i = 0; i < parameters.Count; i++)
        {
            if (parameters[i] is null) throw new ArgumentException($"parameter {i} is null", nameof(parameters));
            if (!_parameterIndex.TryAdd(parameters[i], i))
                throw new ArgumentException($"symbol '{parameters[i].Name}' is listed twice among the parameters", nameof(parameters));
        }
        ParameterCount = parameters.Count;
        ParameterUsed = new bool[parameters.Count];
        _functions = functions;
        Outputs = outputs.Select((e, i) => Visit(e ?? throw new ArgumentException($"output {i} is null", nameof(outputs)), Top)).ToList();
    }

    Node Visit(Expr e, Scope from)
    {
        var home = HomeOf(e, from);
        if (_nodes.TryGetValue((e, home), out var known))
        {
            known.Uses++;
            known.UsedFromOtherScope |= home != from;
            return known;
        }
        var node = new Node(e, home) { UsedFromOtherScope = home != from };
        switch (e)
        {
            case Number: break;
            case Symbol s:
                if (home == Top)
                {
                    if (!_parameterIndex.TryGetValue(s, out var index))
                        throw new EvaluationException($"no value given for symbol '{s.Name}'");
                    node.ParameterIndex = index;
                    ParameterUsed[index] = true;
                }
                break;
            case Integral i:
                var body = new Scope(home, i.Variable);
                node.BodyScope = body;
                node.Kids = [Visit(i.Body, body), Visit(i.Lower, home), Visit(i.Upper, home)];
                break;
            case Call c:
                if (!FunctionTable.TryBuiltIn(c, out _))
                {
                    if (!_functions.TryGet(c, out var f))
                        throw new EvaluationException($"no numeric meaning for function '{FunctionTable.Key(c)}'");
                    node.Function = f;
                }
                node.Kids = c.Arguments.Select(a => Visit(a, home)).ToArray();
                break;
            default:
                node.Kids = e.Children.Select(k => Visit(k, home)).ToArray();
                break;
        }
        foreach (var k in node.Kids) { node.Inputs |= k.Inputs; node.Pure &= k.Pure; }
        if (node.Function is not null) node.Pure = false;
        if (node.ParameterIndex >= 0) node.Inputs = node.ParameterIndex < 64 ? 1UL << node.ParameterIndex : ulong.MaxValue;
        _nodes[(e, home)] = node;
        home.Order.Add(node);
        return node;
    }

    /// <summary>The innermost scope, from <paramref name="from"/> outward, that binds a free symbol of e.</summary>
    Scope HomeOf(Expr e, Scope from)
    {
        if (e is Number) return Top;
        var free = Free(e);
        for (var s = from; s.Variable is { } v; s = s.Parent!)
            if (free.Contains(v)) return s;
        return Top;
    }

    ImmutableHashSet<Symbol> Free(Expr e)
    {
        if (_free.TryGetValue(e, out var known)) return known;
        var set = e switch
        {
            Number => [],
            Symbol s => [s],
            Integral i => Free(i.Body).Remove(i.Variable).Union(Free(i.Lower)).Union(Free(i.Upper)),
            _ => e.Children.Aggregate(ImmutableHashSet<Symbol>.Empty, (acc, k) => acc.Union(Free(k))),
        };
        _free[e] = set;
        return set;
    }
}
