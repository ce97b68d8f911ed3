using System.ComponentModel;
using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Cli;
using Verify.Cli.Modeling;
using Verify.Derivation.Dynamics;
using Verify.Derivation.Evaluation;

namespace Verify.Cli.Commands;

/// <summary>
/// verify simulate REGIME --at PARAMS [--until T] [--tolerance E] [--json | --csv]: the path of a
/// dynamic regime from its start to the steady state (or T), every state, unknown and quantity.
/// </summary>
public sealed class SimulateCommand(IAnsiConsole console) : Command<SimulateCommand.Settings>
{
    public sealed class Settings : CachedModelSettings
    {
        [CommandArgument(0, "<REGIME>")] [Description("A dynamic regime of the model (general, slow-entry).")]
        public string Regime { get; init; } = "";
        [CommandOption("--at <POINT>")] [Description("Every model parameter and the regime's own, e.g. sigma=3,rho=4,sE=0.6,phi=0.5,f=1,fI=0.5,gammaR=1,gammaE=1.")]
        public string? At { get; init; }
        [CommandOption("--until <T>")] [Description("Stop at this time if the path is not steady before (default 1e9).")]
        public double? Until { get; init; }
        [CommandOption("--tolerance <E>")] [Description("Relative tolerance of the integrator and of the steady-state test (default 1e-8).")]
        public double? Tolerance { get; init; }
        [CommandOption("--json")] [Description("Print {\"t\": [[...]], \"series\": {...}, \"steady\": true|false}.")] public bool Json { get; init; }
        [CommandOption("--csv")] [Description("Print one row per accepted step: t and every series.")] public bool Csv { get; init; }

        public override ValidationResult Validate()
        {
            if (Json && Csv) return ValidationResult.Error("--json and --csv exclude each other");
            if (Until is { } u && !(u > 0 && double.IsFinite(u))) return ValidationResult.Error("--until must be a positive number");
            if (Tolerance is { } e && !(e > 0 && e < 1e-2)) return ValidationResult.Error("--tolerance must lie between 0 and 0.01");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var model = ModelSource.Load(settings.Model);
        var regime = model.FindDynamic(settings.Regime)
            ?? throw new ArgumentException($"unknown dynamic regime '{settings.Regime}' (dynamic regimes: {string.Join(", ", model.Dynamics.Select(d => d.Name))})");
        var options = new SimulationOptions
        {
            Until = settings.Until ?? new SimulationOptions().Until,
            Tolerance = settings.Tolerance ?? new SimulationOptions().Tolerance,
        };
        // The start from the derived forms (as the claims take it), stored between runs like eval's.
        var derived = new ModelEvaluator(DerivationCache.For(model, settings.CacheDirectory));
        var simulator = new DynamicSimulator(model, regime) { Start = DerivedStart.For(derived, regime.StartRegime) };
        var result = simulator.Run(Inputs.Point(settings.At), options);
        var output = console.Profile.Out.Writer;
        if (settings.Json) output.WriteLine(JsonOut.Of(new { t = result.Times, series = result.Series, steady = result.Steady, method = result.Method, tolerance = result.Tolerance }));
        else if (settings.Csv) output.Write(Csv(result));
        else output.Write(Summary(result));
        return 0;
    }

    static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    static string Csv(SimulationResult result)
    {
        var text = new StringBuilder();
        text.Append('t').Append(string.Concat(result.Series.Keys.Select(k => "," + k))).Append('\n');
        for (int i = 0; i < result.Times.Count; i++)
            text.Append(N(result.Times[i])).Append(string.Concat(result.Series.Values.Select(s => "," + N(s[i])))).Append('\n');
        return text.ToString();
    }

    static string Summary(SimulationResult result)
    {
        var text = new StringBuilder();
        var end = result.Times[^1];
        text.Append($"{result.Regime}: {(result.Steady ? "steady" : "not steady")} at t = {end.ToString("G6", CultureInfo.InvariantCulture)} "
            + $"({result.Method}: {result.Steps} steps, {result.Rejected} rejected, tolerance {N(result.Tolerance)})\n");
        var width = result.Series.Keys.Max(k => k.Length);
        text.Append($"{"".PadRight(width)}  {"t = 0",-24}  {"end",-24}\n");
        foreach (var (name, series) in result.Series)
            text.Append($"{name.PadRight(width)}  {N(series[0]),-24}  {N(series[^1]),-24}\n");
        return text.ToString();
    }
}
