namespace Verify.Derivation.Dynamics;

/// <summary>
/// How a path is followed. <see cref="Tolerance"/> is both the integrator's relative tolerance
/// (absolute: Tolerance·1e-3) and the steady-state test: the path is steady once every state's
/// rate of change, relative to the state (or to 1e-3 when the state is smaller), is below it.
/// <see cref="Discounted"/> asks for ∫₀^∞ e^(−r t) q(t) dt of quantities q, integrated with the
/// path and closed after the steady state by q(T) e^(−r T)/r.
/// </summary>
public sealed record SimulationOptions
{
    public double Tolerance { get; init; } = 1e-8;
    public double Until { get; init; } = 1e9;
    /// <summary>Accepted and rejected steps allowed before the path is given up as a numeric failure.</summary>
    public int MaxSteps { get; init; } = 200_000;
    public IReadOnlyList<(string Quantity, double Rate)> Discounted { get; init; } = [];
}

/// <summary>A followed path: the times of the accepted steps and every state, unknown and quantity there.</summary>
public sealed record SimulationResult(
    string Regime,
    IReadOnlyList<double> Times,
    IReadOnlyDictionary<string, IReadOnlyList<double>> Series,
    bool Steady,
    double Tolerance,
    IReadOnlyList<(string Quantity, double Rate, double Value)> Discounted,
    int Steps,
    int Rejected)
{
    /// <summary>The last value of a series: the long-run value when <see cref="Steady"/>.</summary>
    public double End(string name) => Series.TryGetValue(name, out var s) ? s[^1]
        : throw new KeyNotFoundException($"the path of '{Regime}' has no series '{name}'");

    public double Start(string name) => Series[name][0];

    /// <summary>The integrator that followed the path.</summary>
    public string Method { get; init; } = "";

    /// <summary>
    /// How closely (relative) a held state followed its balance: the tolerance, unless the path had to be followed
    /// again with a looser hold (see DynamicSimulator.Run); the path's values are no more accurate than this.
    /// </summary>
    public double HeldTo { get; init; } = double.NaN;

    /// <summary>The path's accuracy, relative: the larger of the tolerance and <see cref="HeldTo"/>.</summary>
    public double Accuracy => double.IsNaN(HeldTo) ? Tolerance : Math.Max(Tolerance, HeldTo);

    /// <summary>The discounted integral asked for, by quantity and rate.</summary>
    public double PresentValue(string quantity, double rate) =>
        Discounted.First(d => d.Quantity == quantity && d.Rate == rate).Value;
}
