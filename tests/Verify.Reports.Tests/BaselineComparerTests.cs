using NUnit.Framework;
using Verify.Reports.Baselines;

namespace Verify.Reports.Tests;

/// <summary>The comparison itself, on small hand-made baselines: each kind of change, and nothing when nothing changed.</summary>
public class BaselineComparerTests
{
    static Baseline Make(IReadOnlyList<QuantityRecord> quantities, IReadOnlyList<ThresholdRecord>? thresholds = null, IReadOnlyList<ClaimRecord>? claims = null) =>
        new("m", 100, 1, [new RegimeRecord("r", [new PhaseRecord("r.P", quantities)], thresholds ?? [])], claims ?? []);

    static ClaimRecord Claim(string verdict, string evidence = "e", params string[] details) =>
        new("C.x@r", "C.x", "r", verdict, null, evidence, details, null, 100);

    [Test]
    public void Identical_baselines_have_no_changes()
    {
        var b = Make([new("x", "closed", "a + b")], [new("t", "r.P", "closed", "1/2", null)], [Claim("proved")]);
        Assert.That(BaselineComparer.Compare(b, b with { }), Is.Empty);
    }

    [Test]
    public void Each_kind_of_change_in_a_form_is_told_apart()
    {
        var old = Make([new("x", "closed", "a + b"), new("y", "closed", "a"), new("z", "implicit", "z_r(a)"), new("gone", "closed", "1")]);
        var now = Make([new("x", "closed", "a - b"), new("y", "implicit", "y_r(a)"), new("z", "closed", "a^2"), new("fresh", "closed", "2")]);
        var changes = BaselineComparer.Compare(old, now).Select(c => (c.Kind, c.Subject, c.Old, c.New)).ToList();
        Assert.That(changes, Is.EquivalentTo(new[]
        {
            (ChangeKind.FormChanged, "r.P x", "a + b", "a - b"),
            (ChangeKind.BecameImplicit, "r.P y", "a", "y_r(a)"),
            (ChangeKind.GainedClosedForm, "r.P z", "z_r(a)", "a^2"),
            (ChangeKind.Removed, "r.P gone", "1", (string?)null),
            (ChangeKind.Added, "r.P fresh", (string?)null, "2"),
        }));
    }

    [Test]
    public void A_threshold_that_is_no_longer_derived_says_why()
    {
        var old = Make([], [new("t", "r.P", "closed", "1/2", null)]);
        var now = Make([], [new("t", "r.P", null, null, "cannot solve for phi")]);
        var change = BaselineComparer.Compare(old, now).Single();
        Assert.That((change.Kind, change.Subject, change.Old, change.Detail), Is.EqualTo((ChangeKind.NoLongerDerived, "r t", "1/2", "cannot solve for phi")));
    }

    [Test]
    public void A_verdict_change_carries_the_new_evidence()
    {
        var change = BaselineComparer.Compare(Make([], claims: [Claim("holds")]), Make([], claims: [Claim("refuted", "counterexample at x = 1")])).Single();
        Assert.That((change.Kind, change.Subject, change.Old, change.New, change.Detail),
            Is.EqualTo((ChangeKind.VerdictChanged, "C.x@r", "holds", "refuted", "counterexample at x = 1")));
    }

    [Test]
    public void A_claim_that_cannot_be_evaluated_any_more_is_reported_as_such_not_as_a_verdict_change()
    {
        var now = Make([], claims: [Claim("undecided", "cannot be checked: claims:3:5: unknown name 'WX'")]);
        var change = BaselineComparer.Compare(Make([], claims: [Claim("holds")]), now).Single();
        Assert.That((change.Kind, change.Old, change.New), Is.EqualTo((ChangeKind.NoLongerEvaluable, "holds", "undecided")));
    }

    [Test]
    public void Evidence_alone_changing_is_not_a_change()
    {
        Assert.That(BaselineComparer.Compare(Make([], claims: [Claim("holds", "in 100 draws")]), Make([], claims: [Claim("holds", "in 200 draws")])), Is.Empty);
    }

    [Test]
    public void Claims_are_left_out_on_request()
    {
        Assert.That(BaselineComparer.Compare(Make([], claims: [Claim("holds")]), Make([]), claims: false), Is.Empty);
        Assert.That(BaselineComparer.Compare(Make([], claims: [Claim("holds")]), Make([])).Single().Kind, Is.EqualTo(ChangeKind.ClaimRemoved));
    }

    [Test]
    public void A_baseline_reads_back_as_written()
    {
        var b = Make([new("x", "closed", "a + b")], [new("t", "r.P", null, null, "why")],
            [Claim("refuted") with { Counterexample = [new NamedValue("sigma", 1.5), new NamedValue("phi", 0.1 + 0.2)] }]);
        var text = BaselineJson.Write(b);
        var back = BaselineJson.Read(text, "b.json");
        Assert.That(BaselineJson.Write(back), Is.EqualTo(text));
        Assert.That(back.Claims[0].Counterexample![1].Value, Is.EqualTo(0.1 + 0.2), "doubles round-trip exactly");
        Assert.That(text, Does.Not.Contain("\r"));
    }
}
