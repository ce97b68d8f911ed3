namespace Verify.Reports.Content;

// The report's content, built once and rendered twice (Markdown and LaTeX), so that both say the same.

/// <summary>A piece of running text: plain words, or LaTeX math.</summary>
public sealed record Segment(bool IsMath, string Text)
{
    public static Segment Words(string text) => new(false, text);
    public static Segment Math(string latex) => new(true, latex);
}

/// <summary>One step of a derivation: relations in LaTeX; Defines marks a step that gives the name.</summary>
public sealed record StepView(int Number, string Rule, string? Before, string? After, IReadOnlyList<string> Conditions, string? Note, bool Defines);

/// <summary>An implicit unknown a final form relies on: the root of Condition within Domain (LaTeX).</summary>
public sealed record ImplicitView(string Unknown, string Condition, IReadOnlyList<string> Domain);

/// <summary>A final form in LaTeX, its kind (closed, implicit, or "not derived" with the Failure).</summary>
public sealed record ResultView(string Name, string NameLatex, string? Description, string Kind, string? Form, string? Failure);

/// <summary>
/// The derivation of one phase of one regime, or of one threshold: every step, then the final
/// forms of the names the page uses (and the names those are built on).
/// </summary>
public sealed record DerivationView(string Anchor, string Title, string? Description, IReadOnlyList<StepView> Steps,
    IReadOnlyList<ResultView> Results, IReadOnlyList<ImplicitView> Implicits);

/// <summary>A claim's decision in one regime, from the baseline.</summary>
public sealed record VerdictView(string Key, string Regime, string Verdict, string? Pinned, string Evidence, IReadOnlyList<string> Details,
    IReadOnlyList<(string Name, string Value)> Counterexample, int Draws);

/// <summary>A formula claim: the derived form beside the paper's, in the phases where it was derived.</summary>
/// <summary>A derived form in some phases; beside the paper's formula when Paper is given, else a derivative the claim takes.</summary>
public sealed record FormulaView(string Regime, string Phases, string Derived, string? DerivedForm, string? Paper, bool UpToPositiveFactor, string? Failure);

/// <summary>A figure of the report: the PNG's path relative to proofs/, and its caption.</summary>
public sealed record FigureRef(string File, string Caption);

/// <summary>One claim as the report shows it.</summary>
public sealed record ClaimView(
    string Id,
    string? Quote,
    string? Reading,
    IReadOnlyList<string> Regimes,
    IReadOnlyList<IReadOnlyList<Segment>> Formalisation,
    IReadOnlyList<VerdictView> Verdicts,
    IReadOnlyList<FormulaView> Formulas,
    IReadOnlyList<DerivationView> Derivations,
    IReadOnlyList<FigureRef> Figures);

/// <summary>One page: a Result of the paper (R1 … R7) or the side claims.</summary>
public sealed record PageView(string File, string Key, string Title, IReadOnlyList<ClaimView> Claims, IReadOnlyList<DerivationView> Derivations, IReadOnlyList<FigureRef> Figures);
