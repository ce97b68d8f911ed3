using NUnit.Framework;
using Verify.Derivation;
using Verify.Model.Claims;
using Verify.Reports.Baselines;
using Verify.Reports.Tests.Support;

namespace Verify.Reports.Tests;

/// <summary>
/// Small edits of the bundled model, made in memory, compared with a baseline of the unedited
/// model: compare reports exactly the changes that follow from each edit, and nothing else.
/// Claims are checked only where an edit touches one (FN11.weight, few draws).
/// </summary>
public class CompareEditsTests
{
    const int Draws = 60;
    static readonly Lazy<ClaimDocument> Weight = new(() => Only("FN11.weight"));
    static readonly Lazy<Baseline> Before = new(() =>
        BaselineBuilder.From(Bundled.Derivation, CompareRun.Decide(Bundled.Derivation, Weight.Value, new(Draws, 20140101)), Draws, 20140101));

    static ClaimDocument Only(string id)
    {
        var all = ClaimsLoader.LoadBundled();
        return all with { Claims = all.Claims.Where(c => c.Id == id).ToList() };
    }

    static IReadOnlyList<Change> Compare(params (string, string)[] edits) =>
        CompareRun.Run(Before.Value, ModelDeriver.Derive(Bundled.Edited(edits)), Weight.Value, Draws).Changes;

    static IEnumerable<string> Lines(IEnumerable<Change> changes) => changes.Select(c => $"{c.Subject}: {c.KindName}");

    [Test]
    public void The_unedited_model_shows_no_change()
    {
        Assert.That(Before.Value.Claims.Single().Verdict, Is.EqualTo("proved"), "FN11.weight in the baseline");
        Assert.That(CompareRun.Run(Before.Value, Bundled.Derivation, Weight.Value, Draws).Changes, Is.Empty);
    }

    [Test]
    public void A_changed_exponent_changes_that_quantity_in_every_phase_and_the_verdict_that_rests_on_it()
    {
        var changes = Compare(("quantity WX = (1 + phi)*B/", "quantity WX = (1 + phi)^2*B/"));
        Assert.That(Lines(changes), Is.EquivalentTo(new[]
        {
            "entry.interior WX: form changed",
            "entry.agglomerated WX: form changed",
            "FN11.weight@entry: verdict changed",
        }));
        var verdict = changes.Single(c => c.IsClaim);
        Assert.That((verdict.Old, verdict.New), Is.EqualTo(("proved", "refuted")));
        Assert.That(verdict.Detail, Does.Contain("differ"), "the new evidence: the derived formula is no longer the paper's");
        var form = changes.First();
        Assert.That(form.New, Does.Contain("(phi + 1)^2").Or.Contain("(1 + phi)^2"));
    }

    [Test]
    public void A_changed_law_of_motion_changes_that_law_in_each_dynamic_regime_that_has_it()
    {
        // slow-entry takes its dynamics from general, so the edit shows in both; the static regimes are untouched.
        var changes = Compare(("law relocation : gammaR*rho*Kstar*diff(y, t)", "law relocation : 2*gammaR*rho*Kstar*diff(y, t)"));
        Assert.That(Lines(changes), Is.EquivalentTo(new[] { "general law for y: form changed", "slow-entry law for y: form changed" }));
        Assert.That(changes[0].New, Does.Contain("2*Kstar*gammaR*rho"));
    }

    [Test]
    public void A_dropped_term_changes_only_the_quantity_it_was_in()
    {
        var changes = Compare(("quantity abarS = (Bstar*A(0, aDstar) + phi*B*A(0, aXstar))/", "quantity abarS = (Bstar*A(0, aDstar))/"));
        Assert.That(Lines(changes), Is.EquivalentTo(new[] { "entry.interior abarS: form changed", "entry.agglomerated abarS: form changed" }));
    }

    [Test]
    public void A_new_parameter_changes_the_quantities_that_use_it_and_nothing_else()
    {
        var changes = Compare(
            ("parameter fI    : fI > 0", "parameter kappa : kappa > 0 \"a welfare scale\"\nparameter fI    : fI > 0"),
            ("quantity Wstar = ln((1 - sE)/Bstar)", "quantity Wstar = ln(kappa*(1 - sE)/Bstar)"));
        Assert.That(Lines(changes), Is.EquivalentTo(new[]
        {
            "entry.interior Wstar: form changed", "entry.agglomerated Wstar: form changed",
            "relocation.XX Wstar: form changed", "relocation.DD Wstar: form changed", "relocation.agglomerated Wstar: form changed",
            "relocation-entry.XX Wstar: form changed", "relocation-entry.DD Wstar: form changed", "relocation-entry.agglomerated Wstar: form changed",
            // The dynamic regimes write W* the same way.
            "general Wstar: form changed", "slow-entry Wstar: form changed",
        }));
        Assert.That(changes.All(c => c.New!.Contains("kappa")));
    }

    [Test]
    public void A_new_parameter_that_nothing_uses_changes_nothing()
    {
        Assert.That(Compare(("parameter fI    : fI > 0", "parameter kappa : kappa > 0 \"unused\"\nparameter fI    : fI > 0")), Is.Empty);
    }

    [Test]
    public void A_quantity_renamed_away_leaves_its_claim_unevaluable()
    {
        var changes = Compare(("quantity WX = ", "quantity WY = "));
        Assert.That(Lines(changes), Is.EquivalentTo(new[]
        {
            "entry.interior WX: removed", "entry.interior WY: added",
            "entry.agglomerated WX: removed", "entry.agglomerated WY: added",
            "FN11.weight@entry: can no longer be evaluated",
        }));
        Assert.That(changes.Single(c => c.IsClaim).Detail, Does.Contain("WX"));
    }
}
