using Verify.Claims;
using Verify.Derivation;
using Verify.Derivation.Results;
using Verify.Symbolic.Text;

namespace Verify.Reports.Baselines;

/// <summary>Builds a <see cref="Baseline"/> from a derivation and the claims decided on it.</summary>
public static class BaselineBuilder
{
    public static Baseline From(ModelDerivation derivation, IEnumerable<CheckedClaim> claims, int draws, ulong seed) => new(
        derivation.Context.Model.Name,
        draws,
        seed,
        Regimes(derivation),
        claims.Select(Claim).ToList());

    public static IReadOnlyList<RegimeRecord> Regimes(ModelDerivation derivation) =>
        derivation.Regimes.Select(r => new RegimeRecord(
            r.Regime.Name,
            r.Phases.Select(p => new PhaseRecord(p.Key, p.Values.Values.Select(Quantity).ToList())).ToList(),
            r.Thresholds.Select(Threshold).ToList())).ToList();

    public static string KindName(FormKind kind) => kind == FormKind.Closed ? "closed" : "implicit";

    static QuantityRecord Quantity(DerivedValue v) => new(v.Symbol.Name, KindName(v.Kind), PlainPrinter.Print(v.Value));

    static ThresholdRecord Threshold(ThresholdDerivation t) => new(
        t.Threshold.Symbol.Name,
        t.PhaseKey,
        t.Value is null ? null : KindName(t.Kind),
        t.Value is null ? null : PlainPrinter.Print(t.Value),
        t.Failure);

    public static ClaimRecord Claim(CheckedClaim c) => new(
        c.Result.Key,
        c.Result.Id,
        c.Result.Regime,
        c.Result.Verdict.Name(),
        c.Expected?.Verdict.Name(),
        c.Result.Evidence,
        c.Result.Details,
        c.Result.Counterexample?.Select(kv => new NamedValue(kv.Key, kv.Value)).ToList(),
        c.Result.Draws);
}
