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
        var known = new RegimeKnownValues(model, regime).Values(parameters, carried, problems);
        return Structure(model, regime, phase, known, problems);
    }

    /// <summary>
    /// One regime (and optionally one of its phases) compiled once, to be solved at many parameter
    /// points; the values are given at each solve.
    /// </summary>
    public static PreparedRegimeSystem Prepare(ModelDocument model, Regime regime, Phase? phase) =>
        new(model, regime, phase, new RegimeKnownValues(model, regime));

    /// <summary>Every phase of a regime, each compiled on first use, solved with the phase choice of <see cref="RegimeSolver"/>.</summary>
    public static PreparedRegime Prepare(ModelDocument model, Regime regime) => new(model, regime);

    /// <summary>The system's structure, with <paramref name="known"/> as its known values.</summary>
    internal static RegimeSystem Structure(ModelDocument model, Regime regime, Phase? phase,
        IReadOnlyDictionary<Symbol, double> known, List<string> problems)
    {
        if (phase is not null && !regime.Phases.Contains(phase))
            problems.Add($"phase '{phase.Name}' is not a phase of regime '{regime.Name}'");

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
}
