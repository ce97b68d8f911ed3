namespace Verify.Model.Language;

// The statements of a model file as read, before any math is parsed or any name resolved.
// Each record keeps the offset of its statement (At) and of its names, for error messages.

sealed record ModelSyntax(
    Name? Model, string? Title, string? Source,
    List<ParameterSyntax> Parameters, List<ConstraintSyntax> Constraints, List<DerivedSyntax> Derived,
    List<VariableSyntax> Variables, List<FunctionSyntax> Functions, List<RegimeSyntax> Regimes);

sealed record ParameterSyntax(int At, Name Name, Piece Domain, Attributes Attributes);

sealed record ConstraintSyntax(int At, Piece Relations, Attributes Attributes);

sealed record DerivedSyntax(int At, Name Name, Piece Definition, Piece? Claims, Attributes Attributes);

sealed record VariableSyntax(int At, Name Name, Piece Domain, Attributes Attributes);

sealed record FunctionSyntax(int At, Name Name, List<Name> Parameters, Piece Body, bool IsDensity, Attributes Attributes);

sealed record RegimeSyntax(int At, Name Name, string? Description)
{
    public List<CarrySyntax> Carried { get; } = [];
    public List<FixSyntax> Fixes { get; } = [];
    public List<UnknownSyntax> Unknowns { get; } = [];
    public List<ConditionSyntax> Conditions { get; } = [];
    public List<QuantitySyntax> Quantities { get; } = [];
    public List<PhaseSyntax> Phases { get; } = [];
    public List<HintSyntax> Hints { get; } = [];
    public List<ThresholdSyntax> Thresholds { get; } = [];
    /// <summary>'phases from X': the phases of an earlier regime X, read again in this regime's scope.</summary>
    public List<Name> PhasesFrom { get; } = [];
}

sealed record CarrySyntax(int At, List<Name> Names, Name From);

sealed record FixSyntax(int At, Name Name, Piece Value, Attributes Attributes);

sealed record UnknownSyntax(int At, Name Name, Piece Domain, Attributes Attributes);

sealed record ConditionSyntax(int At, Name Label, Piece Equation, Attributes Attributes);

sealed record QuantitySyntax(int At, Name Name, Piece Definition, Attributes Attributes);

abstract record HintSyntax(int At);

sealed record SolveHintSyntax(int At, List<Name> Conditions, List<Piece> Targets) : HintSyntax(At);

sealed record CombineHintSyntax(int At, CombineOperation Operation, Name First, Name Second) : HintSyntax(At);

sealed record ThresholdSyntax(int At, Name Name, Piece Equation, Name For, Name? Phase, Attributes Attributes);

sealed record PhaseSyntax(int At, Name Name, Piece? When, string? Description)
{
    public List<FixSyntax> Fixes { get; } = [];
    public List<Name> Dropped { get; } = [];
    public List<ConditionSyntax> Conditions { get; } = [];
    public List<QuantitySyntax> Quantities { get; } = [];
    public List<HintSyntax> Hints { get; } = [];
}
