using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Verify.Cli.Modeling;
using Verify.Cli.Tabulating;

namespace Verify.Cli.Commands;

/// <summary>
/// verify table EXPR... --regime R (--points FILE.csv | --grid "phi=0.05:0.95:1000") [--at ...] [--csv | --json]:
/// many expressions at many points in one process, each value the one verify eval gives. A point
/// outside the domain, or where the numbers fail, fills that row's error and the run goes on.
/// </summary>
public sealed class TableCommand(IAnsiConsole console) : Command<TableCommand.Settings>
{
    public sealed class Settings : CachedModelSettings
    {
        [CommandArgument(0, "<EXPR>")] [Description("One or more expressions over the regime's names, e.g. aD \"diff(abarS, phi)\".")]
        public string[] Expressions { get; init; } = [];
        [CommandOption("--regime <REGIME>")] [Description("The regime whose names the expressions use (required).")]
        public string? Regime { get; init; }
        [CommandOption("--grid <AXIS>")] [Description("name=from:to:count, evenly spaced and inclusive (e.g. phi=0.05:0.95:1000); repeat to cross axes.")]
        public string[] Grid { get; init; } = [];
        [CommandOption("--points <FILE>")] [Description("A CSV file: a header of parameter names, then one point per line.")]
        public string? Points { get; init; }
        [CommandOption("--at <POINT>")] [Description("The parameters the grid or file does not give, e.g. sigma=3,rho=4,sE=0.6,f=1,fI=0.5.")]
        public string? At { get; init; }
        [CommandOption("--csv")] [Description("Print CSV: a header (parameters, then expressions, then error), one line per point.")]
        public bool Csv { get; init; }
        [CommandOption("--json")] [Description("Print {\"rows\": [[{\"at\": ..., \"values\": ..., \"phases\": ..., \"error\": ...}]]}.")]
        public bool Json { get; init; }

        public override ValidationResult Validate()
        {
            if (Expressions.Length == 0) return ValidationResult.Error("give at least one expression");
            if (Regime is null) return ValidationResult.Error("--regime is required: the expressions are over a regime's names");
            if ((Grid.Length > 0) == (Points is not null)) return ValidationResult.Error("give the points with either --grid or --points (not both)");
            if (Csv && Json) return ValidationResult.Error("--csv and --json exclude each other");
            if (Expressions.GroupBy(e => e.Trim()).FirstOrDefault(g => g.Count() > 1) is { } twice)
                return ValidationResult.Error($"the expression '{twice.Key}' is given twice");
            return ValidationResult.Success();
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var model = ModelSource.Load(settings.Model);
        var eval = new RegimeEval(model, settings.Regime!, settings.Expressions, settings.CacheDirectory);
        var fixedValues = Inputs.Point(settings.At);
        var points = settings.Points is not null ? TablePoints.Csv(settings.Points) : TablePoints.Grid(settings.Grid);
        if (points[0].Keys.FirstOrDefault(fixedValues.ContainsKey) is { } twice)
            throw new ArgumentException($"{twice} is given both by --at and by the {(settings.Points is null ? "grid" : "points file")}");

        eval.Derive();   // a model that does not derive ends the run here, not in every row
        var rows = new PointRow[points.Count];
        void Fill(Action? step)
        {
            for (int i = 0; i < points.Count; i++)
            {
                rows[i] = TableRows.At(eval, settings.Expressions, new Dictionary<string, double>(fixedValues.Concat(points[i]), StringComparer.Ordinal));
                step?.Invoke();
            }
        }
        // A progress bar only where someone watches and the run is long enough to want one.
        if (!settings.Csv && !settings.Json && console.Profile.Capabilities.Interactive && points.Count >= 200)
            console.Progress().Start(p =>
            {
                var task = p.AddTask($"{points.Count} points", maxValue: points.Count);
                Fill(() => task.Increment(1));
            });
        else Fill(null);

        var names = TableRows.Columns(model, rows);
        var output = console.Profile.Out.Writer;
        if (settings.Json) output.WriteLine(JsonOut.Of(new { rows = rows.Select(r => new { at = r.At, values = r.Values, phases = r.Phases, error = r.Error }) }));
        else if (settings.Csv) TableText.Csv(output, names, settings.Expressions, rows);
        else TableText.Aligned(output, names, settings.Expressions, rows);
        return 0;
    }
}
