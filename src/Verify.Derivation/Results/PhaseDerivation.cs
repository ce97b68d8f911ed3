using Verify.Derivation.Steps;
using Verify.Model.Language;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Results;

/// <summary>The derivation of one regime in one phase (or of a regime without phases).</summary>
public sealed class PhaseDerivation
{
    public required Regime Regime { get; init; }
    public Phase? Phase { get; init; }
    public string Key => Phase is null ? Regime.Name : $"{Regime.Name}.{Phase.Name}";

    /// <summary>Every unknown, fixed and carried name, and quantity, with its derived value.</summary>
    public required IReadOnlyDictionary<Symbol, DerivedValue> Values { get; init; }
    /// <summary>The steps, in order; each names the condition and the unknown it concerned.</summary>
    public required IReadOnlyList<DerivationStep> Steps { get; init; }
    /// <summary>The primitive conditions after inlining and integration, before any solving.</summary>
    public required IReadOnlyList<Equation> Conditions { get; init; }
    public required IReadOnlyList<ImplicitUnknown> ImplicitUnknowns { get; init; }
    /// <summary>Partial derivatives of the implicit unknowns (implicit function theorem).</summary>
    public required ImplicitFunctions Implicits { get; init; }
    public IReadOnlyList<ConditionCheck> Checks { get; set; } = [];

    /// <summary>Conditions under which a closed form found while solving exists (a root of a positive value), beyond the phase's own.</summary>
    public IReadOnlyList<Relation> Existence { get; init; } = [];

    /// <summary>Where this phase is the equilibrium: the model's 'when' and the conditions of existence.</summary>
    public IReadOnlyList<Relation> When => [.. Phase?.When ?? [], .. Existence];

    /// <summary>The unknowns' domain relations the derived values meet over the whole parameter domain (<see cref="DomainProofs"/>): not tested at each point.</summary>
    public IReadOnlyList<Relation> DomainsProved { get; set; } = [];

    public DerivedValue? Find(string name) => Values.Values.FirstOrDefault(v => v.Symbol.Name == name);

}

/// <summary>A threshold (partition or sustain point) derived in one phase.</summary>
public sealed record ThresholdDerivation(Threshold Threshold, string PhaseKey, Expr? Value, FormKind Kind, IReadOnlyList<DerivationStep> Steps, string? Failure);

/// <summary>Everything derived for one regime.</summary>
public sealed record RegimeDerivation(Regime Regime, IReadOnlyList<PhaseDerivation> Phases, IReadOnlyList<ThresholdDerivation> Thresholds)
{
    public PhaseDerivation? Phase(string? name) => name is null ? Phases.FirstOrDefault() : Phases.FirstOrDefault(p => p.Phase?.Name == name);
}
