using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>
/// The known values of a regime's system at a point: the file's parameters, its derived
/// parameters (from their definitions, compiled once) and the values the regime carries from an
/// earlier one. The symbols are fixed by the file, so one instance serves every point.
/// </summary>
sealed class RegimeKnownValues
{
    readonly IReadOnlyList<Symbol> _parameters;
    readonly IReadOnlyList<Symbol> _derived;
    readonly QuadratureExpressions? _definitions;     // of the derived parameters, over the parameters
    readonly IReadOnlyList<(Symbol Name, string From)> _carried;
    readonly double[] _parameterValues, _derivedValues;

    /// <summary>Parameters, then derived parameters, then carried names: the system's known symbols.</summary>
    public IReadOnlyList<Symbol> Symbols { get; }

    public RegimeKnownValues(ModelDocument model, Regime regime)
    {
        _parameters = model.Parameters.Select(p => p.Symbol).ToArray();
        // Derived parameters may use one another: each is written over the parameters alone, in an
        // order where it comes after those it uses; one whose definition never resolves is left out.
        var resolved = new Dictionary<Expr, Expr>();
        var derived = new List<Symbol>();
        var pending = model.Derived.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(d =>
                model.Inline(d.Definition).FreeSymbols().All(s => _parameters.Contains(s) || resolved.ContainsKey(s)));
            if (ready is null) break;
            pending.Remove(ready);
            resolved[ready.Symbol] = model.Inline(ready.Definition).Substitute(resolved);
            derived.Add(ready.Symbol);
        }
        _derived = derived;
        if (derived.Count > 0)
            _definitions = new QuadratureExpressions(derived.Select(d => resolved[d]).ToArray(), _parameters, null);
        _carried = regime.Carried.SelectMany(c => c.Names.Select(n => (n, c.FromRegime))).ToArray();
        Symbols = [.. _parameters, .. _derived, .. _carried.Select(c => c.Name)];
        _parameterValues = new double[_parameters.Count];
        _derivedValues = new double[_derived.Count];
    }

    /// <summary>The known values, matched by name; each missing value is a problem, reported.</summary>
    public Dictionary<Symbol, double> Values(IReadOnlyDictionary<Symbol, double> parameters,
        IReadOnlyDictionary<Symbol, double>? carried, List<string> problems)
    {
        var known = new Dictionary<Symbol, double>();
        var byName = ByName(parameters);
        var complete = true;
        for (int i = 0; i < _parameters.Count; i++)
        {
            if (byName.TryGetValue(_parameters[i].Name, out var v)) known[_parameters[i]] = _parameterValues[i] = v;
            else { problems.Add($"no value for the parameter '{_parameters[i].Name}'"); complete = false; }
        }
        if (complete && _definitions is not null)
        {
            // An undefined value (NaN) is kept: the solver reports it as a problem of the point.
            _definitions.TryEvaluate(_parameterValues, _derivedValues);
            for (int i = 0; i < _derived.Count; i++) known[_derived[i]] = _derivedValues[i];
        }
        var carriedByName = carried is null ? [] : ByName(carried);
        foreach (var (name, from) in _carried)
        {
            if (carriedByName.TryGetValue(name.Name, out var v)) known[name] = v;
            else problems.Add($"no value carried for '{name.Name}' from '{from}'");
        }
        return known;
    }

    static Dictionary<string, double> ByName(IReadOnlyDictionary<Symbol, double> values)
    {
        var byName = new Dictionary<string, double>(values.Count);
        foreach (var (s, v) in values) byName[s.Name] = v;
        return byName;
    }
}
