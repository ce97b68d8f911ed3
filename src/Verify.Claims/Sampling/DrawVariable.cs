using Verify.Symbolic.Core;

namespace Verify.Claims.Sampling;

/// <summary>
/// A quantity the sampler draws: a parameter, or a derived parameter that a claim's
/// reparametrisation (with rho = beta*(sigma - 1)) puts in a parameter's place. Its bounds come
/// from relations whose other side is known once the earlier variables are drawn.
/// </summary>
sealed record DrawVariable(Symbol Symbol, IReadOnlyList<Relation> Bounds);
