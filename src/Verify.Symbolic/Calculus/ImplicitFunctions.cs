using System.Collections.Immutable;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// A registry of implicitly defined functions: y = name(p_1, ..., p_n) is the y with
/// residual(y, p_1, ..., p_n) = 0. By the implicit function theorem ∂y/∂p_i = −F_{p_i}/F_y,
/// expressed in terms of the call itself, so differentiating a partial again gives higher ones.
/// The theorem needs F_y ≠ 0 at the call; <see cref="Partial"/> asks the oracle to prove it.
/// The unknown's declared sign is taken as a fact about the function's values (canonical
/// construction may use it while forming the formulas). Not thread-safe: formulas are cached on first use.
/// </summary>
public sealed class ImplicitFunctions(ISignOracle? oracle = null) : IFunctionDerivatives
{
    public const string RuleNonZeroSlope = "implicit function theorem: dy/dp = -F_p/F_y needs F_y != 0";

    readonly ISignOracle _oracle = oracle ?? StructuralSign.Instance;

    /// <summary>The oracle the slopes are proved with (a stored derivation rebuilds the registry with it).</summary>
    public ISignOracle Oracle => _oracle;
    readonly Dictionary<string, Definition> _definitions = new(StringComparer.Ordinal);
    readonly List<string> _deferred = [];

    /// <summary>
    /// When F_y ≠ 0 is not proved, give the derivative anyway and list the condition in
    /// <see cref="DeferredConditions"/>: a numeric evaluation then meets a zero slope as an
    /// infinite or undefined value, which its caller must report. Off by default.
    /// </summary>
    public bool DeferUnprovedSlopes { get; init; }

    /// <summary>The slopes F_y ≠ 0 that were not proved and are left to the point of evaluation.</summary>
    public IReadOnlyList<string> DeferredConditions => _deferred;

    /// <summary>Defines name(parameters) as the <paramref name="unknown"/> solving residual = 0.</summary>
    public ImplicitFunctions Define(string name, Symbol unknown, IReadOnlyList<Symbol> parameters, Expr residual)
    {
        ArgumentNullException.ThrowIfNull(unknown);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(residual);
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("An implicit function needs a name.", nameof(name));
        if (BuiltInBranch.IsBuiltIn(name)) throw new ArgumentException($"'{name}' is a built-in function and cannot be redefined.", nameof(name));
        if (_definitions.ContainsKey(name)) throw new ArgumentException($"'{name}' is already defined.", nameof(name));
        if (parameters.Contains(unknown))
            throw new ArgumentException($"The unknown '{unknown.Name}' cannot also be a parameter of '{name}'.", nameof(parameters));
        if (parameters.Distinct().Count() != parameters.Count)
            throw new ArgumentException($"The parameters of '{name}' must be distinct.", nameof(parameters));
        var free = residual.FreeSymbols();
        if (!free.Contains(unknown))
            throw new ArgumentException($"The residual {residual} does not involve the unknown '{unknown.Name}', so it defines nothing.", nameof(residual));
        var stray = free.Where(s => !s.Equals(unknown) && !parameters.Contains(s)).Select(s => s.Name).Order(StringComparer.Ordinal).ToList();
        if (stray.Count > 0)
            throw new ArgumentException(
                $"The residual of '{name}' mentions {string.Join(", ", stray)}, which are neither the unknown nor parameters; " +
                "a hidden dependence would make its derivatives wrong.", nameof(residual));
        _definitions[name] = new Definition(name, unknown, [.. parameters], residual);
        return this;
    }

    public bool IsDefined(string name) => _definitions.ContainsKey(name);

    /// <summary>The call name(arguments), checked against the definition's number of parameters.</summary>
    public Expr Call(string name, params Expr[] arguments)
    {
        var d = Lookup(name);
        if (arguments.Length != d.Parameters.Length)
            throw new ArgumentException($"'{name}' takes {d.Parameters.Length} arguments, got {arguments.Length}.", nameof(arguments));
        return Expr.Call(name, arguments);
    }

    public Expr? Partial(Call call, int index)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!_definitions.TryGetValue(call.Name, out var d)) return null;
        if (call.Arguments.Length != d.Parameters.Length)
            throw new ArgumentException($"'{call.Name}' takes {d.Parameters.Length} arguments, got {call.Arguments.Length} in {call}.", nameof(call));
        if (index < 0 || index >= d.Parameters.Length)
            throw new ArgumentOutOfRangeException(nameof(index), $"'{call.Name}' has no argument {index}.");

        // Back from the parameters and the unknown to this call's arguments and the call itself.
        var at = new Dictionary<Expr, Expr> { [d.Unknown] = Expr.Call(call.Name, [.. call.Arguments]) };
        for (int k = 0; k < d.Parameters.Length; k++) at[d.Parameters[k]] = call.Arguments[k];

        var slope = d.Slope(this, _oracle).Substitute(at, _oracle);
        // The oracle knows nothing of an integral with no closed form, and asking it about a slope
        // that holds several is slow: such a slope is unproved at once.
        var proved = !slope.Any(n => n is Integral) && _oracle.Proves(slope, SignSet.NonZero, RuleNonZeroSlope);
        if (!proved && DeferUnprovedSlopes)
        {
            var condition = $"d{d.Unknown.Name}/d{d.Parameters[index].Name} needs dF/d{d.Unknown.Name} != 0 at each point ({RuleNonZeroSlope})";
            if (!_deferred.Contains(condition)) _deferred.Add(condition);
        }
        else if (!proved)
            throw new DifferentiationException(
                $"cannot differentiate {call} by argument {index}: the implicit function theorem needs " +
                $"dF/d{d.Unknown.Name} = {slope} != 0, which the oracle does not prove");
        return d.Derivative(call.Partials.Add(index).Sort(), this, _oracle).Substitute(at, _oracle);
    }

    Definition Lookup(string name) =>
        _definitions.TryGetValue(name, out var d) ? d : throw new ArgumentException($"No implicit function named '{name}'.", nameof(name));

    /// <summary>One definition, with its derivative formulas (in the unknown and the parameters) cached.</summary>
    sealed class Definition(string name, Symbol unknown, ImmutableArray<Symbol> parameters, Expr residual)
    {
        public string Name => name;
        public Symbol Unknown => unknown;
        public ImmutableArray<Symbol> Parameters => parameters;

        Expr? _slope;
        readonly Dictionary<string, Expr> _derivatives = new(StringComparer.Ordinal);

        /// <summary>F_y.</summary>
        public Expr Slope(IFunctionDerivatives functions, ISignOracle oracle) =>
            _slope ??= Differentiation.Derivative(residual, unknown, functions, oracle);

        /// <summary>−F_{p_i}/F_y: dy/dp_i with y as a symbol.</summary>
        Expr First(int i, IFunctionDerivatives functions, ISignOracle oracle)
        {
            var fp = Differentiation.Derivative(residual, parameters[i], functions, oracle);
            return Canonical.Mul([Expr.MinusOne, fp, Canonical.Pow(Slope(functions, oracle), Expr.MinusOne, oracle)], oracle);
        }

        /// <summary>∂^k y/∂p_{i1}…∂p_{ik}: differentiate step by step, y depending on each p through dy/dp.</summary>
        public Expr Derivative(ImmutableArray<int> partials, IFunctionDerivatives functions, ISignOracle oracle)
        {
            var key = string.Join(",", partials);
            if (_derivatives.TryGetValue(key, out var known)) return known;
            Expr result;
            if (partials.Length == 1) result = First(partials[0], functions, oracle);
            else
            {
                var last = partials[^1];
                var previous = Derivative(partials.RemoveAt(partials.Length - 1), functions, oracle);
                var dependents = new Dictionary<Symbol, Expr> { [unknown] = Derivative([last], functions, oracle) };
                result = Differentiation.TotalDerivative(previous, parameters[last], dependents, functions, oracle);
            }
            _derivatives[key] = result;
            return result;
        }

        public override string ToString() => $"{name}({string.Join(", ", parameters.Select(p => p.Name))})";
    }
}
