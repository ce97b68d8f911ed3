using Verify.Derivation.Steps;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Results;

public enum FormKind
{
    /// <summary>An explicit expression in the parameters.</summary>
    Closed,
    /// <summary>Involves a quantity defined only implicitly, by an equation root-found at each point.</summary>
    Implicit,
}

/// <summary>A derived unknown or measure: its value in the parameters and how it was obtained.</summary>
public sealed record DerivedValue(Symbol Symbol, Expr Value, FormKind Kind, string Origin, string? Latex, string? Description)
{
    public override string ToString() => $"{Symbol.Name} = {Value}  [{(Kind == FormKind.Closed ? "closed form" : "implicit")}; {Origin}]";
}

/// <summary>
/// An unknown with no closed form: Residual(Unknown, Parameters) = 0 defines it, with its root
/// sought within Domain. In derived values it appears as the call FunctionName(Parameters).
/// </summary>
public sealed record ImplicitUnknown(Symbol Unknown, string FunctionName, IReadOnlyList<Symbol> Parameters, Expr Residual, IReadOnlyList<Relation> Domain)
{
    /// <summary>The defining condition as written (Left = Right); a root-finder scales by its sides.</summary>
    public Equation? Condition { get; init; }

    /// <summary>The block of unknowns it is root-found with (same number), in solving order.</summary>
    public int Block { get; init; }

    public Expr Call => Expr.Call(FunctionName, Parameters.Cast<Expr>().ToArray());
}

public enum CheckStatus
{
    /// <summary>The residual simplifies to zero.</summary>
    Symbolic,
    /// <summary>Not decided symbolically; awaiting the numeric check.</summary>
    Pending,
    /// <summary>The residual is below tolerance at every random admissible point tried.</summary>
    Numeric,
    Failed,
}

/// <summary>The outcome of substituting the derived values back into one primitive condition.</summary>
public sealed record ConditionCheck(string Label, CheckStatus Status, string Detail)
{
    public bool Passed => Status is CheckStatus.Symbolic or CheckStatus.Numeric;
}
