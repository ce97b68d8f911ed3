using Verify.Model.Language;

namespace Verify.Model.Claims;

/// <summary>
/// A claims file: the statements of a paper about a model, each formalised. Expressions stay as
/// text with their place in the file, because each is read in the scope of a regime (its
/// quantities, thresholds, name@regime aliases) only when the claim is checked.
/// </summary>
public sealed record ClaimDocument(string ModelName, IReadOnlyList<ClaimDefinition> Claims, string File);

/// <summary>A piece of math text and where it starts in the file (for errors inside it).</summary>
public sealed record MathText(string Text, SourceSpan Span)
{
    public override string ToString() => Text;
}

/// <summary>
/// One claim: id, the paper's words, the reading encoded, the regimes it is checked in, the
/// domain restrictions (where), parameter substitutions (with), and what is asserted.
/// DeclaredVerdict is set only for claims the model cannot settle (not-derivable).
/// </summary>
public sealed record ClaimDefinition(
    string Id,
    string? Quote,
    string? Reading,
    IReadOnlyList<string> Regimes,
    IReadOnlyList<MathText> Where,
    IReadOnlyList<(string Name, MathText Value)> With,
    IReadOnlyList<Assertion> Assertions,
    string? DeclaredVerdict,
    SourceSpan Span)
{
    /// <summary>Where each of <see cref="Regimes"/> is named in the file (same order), for errors about a regime.</summary>
    public IReadOnlyList<SourceSpan> RegimeSpans { get; init; } = [];

    /// <summary>'discount r in (lo, hi)': the rate of the discounted integrals pv(...) of a claim over paths.</summary>
    public DrawnRange? Discount { get; init; }

    /// <summary>'draw NAME in (lo, hi)': where a claim over paths draws a dynamic regime's parameter.</summary>
    public IReadOnlyList<DrawnRange> Ranges { get; init; } = [];
}

/// <summary>A name drawn in (Lower, Upper) — log-uniformly when Lower &gt; 0 — for claims over the paths of dynamic regimes; the ends may use the model's parameters.</summary>
public sealed record DrawnRange(string Name, MathText Lower, MathText Upper, SourceSpan Span);

/// <summary>What a claim asserts.</summary>
public abstract record Assertion(SourceSpan Span);

/// <summary>assert L op R — at every admissible point of the claim's domain.</summary>
public sealed record UniversalAssertion(MathText Relation, SourceSpan Span) : Assertion(Span);

/// <summary>assert exists: L op R — at some admissible point.</summary>
public sealed record ExistsAssertion(MathText Relation, SourceSpan Span) : Assertion(Span);

/// <summary>assert forall x in (lo, hi) [where cond]: L op R — for every x in the range, at every admissible point.</summary>
public sealed record ForAllAssertion(string Variable, MathText Lower, MathText Upper, MathText? Condition, MathText Relation, SourceSpan Span) : Assertion(Span);

/// <summary>assert decreasing|increasing e in x over (lo, hi) [where cond] — strictly monotone in x there.</summary>
public sealed record MonotoneAssertion(bool Increasing, MathText Expression, string Variable, MathText Lower, MathText Upper, MathText? Condition, SourceSpan Span) : Assertion(Span);

/// <summary>assert limit e as x -> inf = value.</summary>
public sealed record LimitAssertion(MathText Expression, string Variable, MathText Value, SourceSpan Span) : Assertion(Span);

/// <summary>assert formula e = paper's expression [up to a positive factor].</summary>
public sealed record FormulaAssertion(MathText Derived, MathText Paper, bool UpToPositiveFactor, SourceSpan Span) : Assertion(Span);
