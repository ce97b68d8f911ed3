using Verify.Claims;
using Verify.Derivation;
using Verify.Derivation.Dynamics;
using Verify.Derivation.Results;
using Verify.Model.Language;
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
            r.Thresholds.Select(Threshold).ToList()))
        .Concat(derivation.Context.Model.Dynamics.Select(d => Dynamic(derivation.Context.Model, d))).ToList();

    /// <summary>
    /// A dynamic regime as it is simulated: its instantaneous conditions, each law as a + b*diff(x, t) = 0 and its
    /// quantities and the states it holds, after the file's functions are inlined and the integrals closed (one phase named after the regime),
    /// so that an edit to its laws shows in 'verify compare' as an edit to a static regime's forms does.
    /// </summary>
    static RegimeRecord Dynamic(ModelDocument model, DynamicRegime regime)
    {
        List<QuantityRecord> records;
        try
        {
            var forms = new DynamicForms(model, regime);
            records =
            [
                .. forms.Conditions.Select(c => new QuantityRecord($"condition {c.Label}", "closed", $"{PlainPrinter.Print(c.Left)} = {PlainPrinter.Print(c.Right)}")),
                .. forms.Laws.Select(l => new QuantityRecord($"law for {l.State.Name}", "closed",
                    $"{PlainPrinter.Print(l.Constant)} + ({PlainPrinter.Print(l.Coefficient)})*diff({l.State.Name}, t) = 0")),
                .. forms.Quantities.Select(q => new QuantityRecord(q.Name.Name, "closed", PlainPrinter.Print(q.Definition))),
                .. regime.States.Where(s => s.Held).Select(s => new QuantityRecord($"held {s.Symbol.Name}", "closed", "diff(" + s.Symbol.Name + ", t) = 0")),
            ];
        }
        catch (DerivationException e) { records = [new QuantityRecord("forms", "failed", e.Message)]; }
        return new RegimeRecord(regime.Name, [new PhaseRecord(regime.Name, records)], []);
    }

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
