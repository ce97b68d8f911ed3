using Verify.Symbolic.Core;

namespace Verify.Numerics;

/// <summary>
/// The outcome of a solve. On success every residual is within tolerance; on failure
/// <see cref="FailureReason"/> says why and <see cref="Values"/> holds the best point reached
/// (empty when no point could be evaluated).
/// </summary>
public sealed record RawSolution(
    bool Success,
    IReadOnlyDictionary<Symbol, double> Values,
    IReadOnlyDictionary<string, double> Residuals,
    double MaxResidual,
    int Iterations,
    int Evaluations,
    string Method,
    string? FailureReason,
    IReadOnlyList<string> Notes)
{
    public double this[Symbol s] => Values[s];

    /// <summary>
    /// On success, when asked for (<see cref="SolveOptions.EstimateUncertainty"/>): for each
    /// unknown, the relative change the residual tolerance leaves it, to first order. A value above
    /// the accuracy wanted means the conditions as written do not pin that unknown so finely.
    /// </summary>
    public IReadOnlyDictionary<Symbol, double>? Uncertainty { get; init; }

    internal static RawSolution Failure(string method, string reason, int iterations = 0, int evaluations = 0) =>
        new(false, new Dictionary<Symbol, double>(), new Dictionary<string, double>(), double.NaN,
            iterations, evaluations, method, reason, []);

    public override string ToString()
    {
        var head = Success ? $"solved by {Method}" : $"failed ({Method}): {FailureReason}";
        var values = string.Join(", ", Values.Select(kv => $"{kv.Key.Name} = {kv.Value:R}"));
        return $"{head}; max residual {MaxResidual:E2}, {Iterations} iterations, {Evaluations} evaluations; {values}";
    }
}
