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
