using Verify.Derivation.Results;
using Verify.Model.Language;

namespace Verify.Derivation;

/// <summary>Derives every regime of a model, in file order (a regime may carry values from an earlier one).</summary>
public static class ModelDeriver
{
    public static ModelDerivation Derive(ModelDocument model)
    {
        var context = new DerivationContext(model);
        var done = new Dictionary<string, RegimeDerivation>();
        var phases = new PhaseDeriver(context, done);
        var thresholds = new ThresholdDeriver(context);
        foreach (var regime in model.Regimes)
        {
            var derived = regime.Phases.Count == 0
                ? [phases.Derive(regime, null)]
                : regime.Phases.Select(p => phases.Derive(regime, p)).ToList();
            foreach (var d in derived)
            {
                d.Checks = ConditionVerifier.Check(context, d);
                d.DomainsProved = DomainProofs.Of(context, d);
            }
            var ts = regime.Thresholds.Select(t =>
            {
                var phase = t.Phase is null ? derived[0] : derived.First(d => d.Phase?.Name == t.Phase);
                return thresholds.Derive(t, phase);
            }).ToList();
            done[regime.Name] = new RegimeDerivation(regime, derived, ts);
        }
        return new ModelDerivation(context, model.Regimes.Select(r => done[r.Name]).ToList());
    }
}

/// <summary>All derivations of one model.</summary>
public sealed record ModelDerivation(DerivationContext Context, IReadOnlyList<RegimeDerivation> Regimes)
{
    public RegimeDerivation? Regime(string name) => Regimes.FirstOrDefault(r => r.Regime.Name == name);
}
