using Verify.Symbolic.Core;

namespace Verify.Derivation.Steps;

/// <summary>
/// One step of a derivation as a referee reads it: what was done (Rule), to which equation
/// (Before), with what result (After), and the side conditions the engine proved on the way.
/// </summary>
public sealed record DerivationStep(
    string Rule,
    Relation? Before,
    Relation? After,
    IReadOnlyList<string> Conditions,
    string? Note = null)
{
    public override string ToString()
    {
        var text = Rule;
        if (Before is not null) text += $"\n    from  {Before}";
        if (After is not null) text += $"\n    gives {After}";
        if (Conditions.Count > 0) text += $"\n    using {string.Join("; ", Conditions)}";
        if (Note is not null) text += $"\n    note  {Note}";
        return text;
    }
}
