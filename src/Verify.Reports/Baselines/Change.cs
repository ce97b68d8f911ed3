namespace Verify.Reports.Baselines;

public enum ChangeKind
{
    /// <summary>A closed form (or an implicit form) whose text changed, the kind staying the same.</summary>
    FormChanged,
    /// <summary>Had a closed form; now involves a root found numerically.</summary>
    BecameImplicit,
    /// <summary>Was implicit; now has a closed form.</summary>
    GainedClosedForm,
    /// <summary>A threshold that was derived and no longer is.</summary>
    NoLongerDerived,
    /// <summary>A threshold that was not derived and now is.</summary>
    NowDerived,
    Added,
    Removed,
    VerdictChanged,
    /// <summary>A claim that was evaluated and now cannot be (a name it uses is gone, say).</summary>
    NoLongerEvaluable,
    ClaimAdded,
    ClaimRemoved,
}

/// <summary>
/// One difference between a baseline and a fresh run. Subject names what changed
/// ("relocation.XX aR", "relocation phiS", "R3.sustain@relocation"); Old and New are forms or
/// verdicts; Detail is the new evidence or the reason.
/// </summary>
public sealed record Change(ChangeKind Kind, string Subject, string? Old, string? New, string? Detail = null)
{
    public string KindName => Kind switch
    {
        ChangeKind.FormChanged => "form changed",
        ChangeKind.BecameImplicit => "became implicit",
        ChangeKind.GainedClosedForm => "gained a closed form",
        ChangeKind.NoLongerDerived => "no longer derived",
        ChangeKind.NowDerived => "now derived",
        ChangeKind.Added => "added",
        ChangeKind.Removed => "removed",
        ChangeKind.VerdictChanged => "verdict changed",
        ChangeKind.NoLongerEvaluable => "can no longer be evaluated",
        ChangeKind.ClaimAdded => "new claim",
        _ => "claim removed",
    };

    public bool IsClaim => Kind is ChangeKind.VerdictChanged or ChangeKind.NoLongerEvaluable or ChangeKind.ClaimAdded or ChangeKind.ClaimRemoved;
}
