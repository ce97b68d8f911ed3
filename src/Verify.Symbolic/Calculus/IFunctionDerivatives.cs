using Verify.Symbolic.Core;

namespace Verify.Symbolic.Calculus;

/// <summary>
/// Knows the partial derivatives of functions defined elsewhere (an implicitly defined quantity,
/// say): ∂f/∂(argument <paramref name="index"/>) at the call's arguments, or null when unknown
/// (the derivative then stays as a call with that partial recorded).
/// </summary>
public interface IFunctionDerivatives
{
    Expr? Partial(Call call, int index);
}
