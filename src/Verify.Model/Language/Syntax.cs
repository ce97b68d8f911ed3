namespace Verify.Model.Language;

// The statements of a model file as read, before any math is parsed or any name resolved.
// Each record keeps the offset of its statement (At) and of its names, for error messages.

sealed record ModelSyntax(
    Name? Model, string? Title, string? Source,
    List<ParameterSyntax> Parameters, List<ConstraintSyntax> Constraints, List<DerivedSyntax> Derived,
    List<VariableSyntax> Variables, List<FunctionSyntax> Functions, List<RegimeSyntax> Regimes)
{
    /// <summary>The dynamic regimes ('dynamic NAME ... end'), after the static ones they refer to.</summary>
    public List<DynamicSyntax> Dynamics { get; init; } = [];
}

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

/// <summary>A dynamic regime as read: states with their starting values, laws of motion, instantaneous conditions.</summary>
sealed record DynamicSyntax(int At, Name Name, string? Description)
{
    public Name? Start { get; set; }
    public List<ParameterSyntax> Parameters { get; } = [];
    public List<StateSyntax> States { get; } = [];
    public List<UnknownSyntax> Unknowns { get; } = [];
    public List<ConditionSyntax> Conditions { get; } = [];
    public List<ReusedConditionsSyntax> Reused { get; } = [];
    public List<ConditionSyntax> Laws { get; } = [];
    public List<QuantitySyntax> Quantities { get; } = [];
    public List<HoldSyntax> Held { get; } = [];
    /// <summary>'dynamics from X': everything of the earlier dynamic regime X, read again in this one.</summary>
    public Name? From { get; set; }
}

/// <summary>state K : K > 0 starts n/aD^rho — a state variable, its domain and its value at t = 0.</summary>
sealed record StateSyntax(int At, Name Name, Piece Domain, Piece Initial, Attributes Attributes);

/// <summary>conditions cutoff-D-north, cutoff-X-north from entry — instantaneous conditions taken from a static regime.</summary>
sealed record ReusedConditionsSyntax(int At, List<Name> Labels, Name From);

/// <summary>hold y "why" — a state kept at its starting value: its law is not used.</summary>
sealed record HoldSyntax(int At, Name Name, Attributes Attributes);
