using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>Builds <see cref="RegimeSystem"/>s from a parsed model file, with no derivation: the conditions as written.</summary>
public static class RegimeSystems
{
    /// <param name="parameters">Values of the file's parameters, matched by name.</param>
    /// <param name="carried">Values of the names the regime carries from an earlier one (see
    /// <see cref="RegimeSystem.Equilibrium"/>), matched by name.</param>
    public static RegimeSystem Build(ModelDocument model, Regime regime, Phase? phase,
        IReadOnlyDictionary<Symbol, double> parameters, IReadOnlyDictionary<Symbol, double>? carried = null)
    {
        var problems = new List<string>();
        if (phase is not null && !regime.Phases.Contains(phase))
            problems.Add($"phase '{phase.Name}' is not a phase of regime '{regime.Name}'");

        var known = KnownValues(model, regime, parameters, carried, problems);

        // Fixed names and quantities are replaced by their definitions wherever they occur.
        var fixes = regime.Fixes.Concat(phase?.Fixes ?? []).ToList();
        var quantities = regime.Quantities.Concat(phase?.Quantities ?? []).ToList();
        var definitions = new Dictionary<Expr, Expr>();
        foreach (var f in fixes) definitions[f.Symbol] = model.Inline(f.Value);
        foreach (var q in quantities) definitions[q.Symbol] = model.Inline(q.Definition);
        Expr Resolve(Expr e)
        {
            e = model.Inline(e);
            // Definitions may refer to each other (no cycles: the loader rejects them).
            for (int pass = 0; pass <= definitions.Count && e.FreeSymbols().Any(s => definitions.ContainsKey(s)); pass++)
                e = e.Substitute(definitions);
            return e;
        }

        var held = phase?.Fixes.Select(f => f.Symbol).ToHashSet() ?? [];
        var unknowns = new List<RawUnknown>();
        foreach (var u in regime.Unknowns.Where(u => !held.Contains(u.Symbol)))
        {
            var (unknown, domainProblems) = UnknownDomain.Read(u.Symbol, u.Domain, Resolve);
            unknowns.Add(unknown);
            problems.AddRange(domainProblems);
        }

        var dropped = phase?.Dropped.ToHashSet() ?? [];
        var conditions = regime.Conditions.Where(c => !dropped.Contains(c.Label))
            .Concat(phase?.Conditions ?? [])
            .Select(c => new RawCondition(Resolve(c.Left), Resolve(c.Right), c.Label))
            .ToList();

        var defined = fixes.Select(f => (f.Symbol, Resolve(f.Symbol)))
            .Concat(quantities.Select(q => (q.Symbol, Resolve(q.Symbol)))).ToList();
        var raw = new RawSystem(conditions, unknowns, known);
        return new RegimeSystem(model, regime, phase, raw, problems, Resolve, defined);
    }

    /// <summary>Parameters, then derived parameters (from their definitions), then carried values.</summary>
    static Dictionary<Symbol, double> KnownValues(ModelDocument model, Regime regime,
        IReadOnlyDictionary<Symbol, double> parameters, IReadOnlyDictionary<Symbol, double>? carried, List<string> problems)
    {
        var byName = parameters.ToDictionary(kv => kv.Key.Name, kv => kv.Value);
        var known = new Dictionary<Symbol, double>();
        foreach (var p in model.Parameters)
        {
            if (byName.TryGetValue(p.Symbol.Name, out var v)) known[p.Symbol] = v;
            else problems.Add($"no value for the parameter '{p.Symbol.Name}'");
        }

        // Derived parameters may use one another: evaluate whichever is ready until none is left.
        var pending = model.Derived.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(d => model.Inline(d.Definition).FreeSymbols().All(known.ContainsKey));
            if (ready is null) break;
            pending.Remove(ready);
            known[ready.Symbol] = QuadratureEvaluator.Evaluate(model.Inline(ready.Definition), known);
        }

        var carriedByName = carried?.ToDictionary(kv => kv.Key.Name, kv => kv.Value) ?? [];
        foreach (var carry in regime.Carried)
            foreach (var s in carry.Names)
            {
                if (carriedByName.TryGetValue(s.Name, out var v)) known[s] = v;
                else problems.Add($"no value carried for '{s.Name}' from '{carry.FromRegime}'");
            }
        return known;
    }
}
