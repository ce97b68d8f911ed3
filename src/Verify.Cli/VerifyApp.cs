using Spectre.Console;
using Spectre.Console.Cli;
using Verify.Cli.Commands;
using Verify.Cli.Modeling;

namespace Verify.Cli;

/// <summary>
/// The verify command line. Exit codes: 0 success, 1 a verdict differs from the pinned one
/// (check) or a comparison found changes (compare), 2 bad input — always a one-line message,
/// never a stack trace. Bad input includes a model file that does not read, a name or regime
/// that does not exist, a point outside the model's domain, and a numeric failure at the point
/// asked for (no phase holds, a root not found). 3 is an internal error (a bug), also one line.
/// </summary>
public static class VerifyApp
{
    public const int BadInput = 2;
    public const int InternalError = 3;

    /// <param name="console">Where output goes (standard output by default).</param>
    /// <param name="errors">Where the one-line error goes: by default <paramref name="console"/> when given, else standard error.</param>
    public static int Run(string[] args, IAnsiConsole? console = null, TextWriter? errors = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("verify");
            config.UseStrictParsing();   // a mistyped option is an error, not silently ignored
            if (console is not null) config.ConfigureConsole(console);
            config.AddCommand<SimplifyCommand>("simplify")
                .WithDescription("Simplify an expression under assumptions.")
                .WithExample("simplify", "\"x^a*x^b/x\"", "--assume", "\"x>0\"");
            config.AddCommand<EvalCommand>("eval")
                .WithDescription("Evaluate an expression at a point; with --regime, over that regime's derived names (in the phase that holds there).")
                .WithExample("eval", "\"diff(x^3, x)\"", "--at", "x=2")
                .WithExample("eval", "\"diff(abarS, phi)\"", "--regime", "relocation-entry", "--at", "sigma=3,rho=4,sE=0.6,phi=0.5,f=1,fI=0.5");
            config.AddCommand<TableCommand>("table")
                .WithDescription("Evaluate expressions over a regime's names at many points (a grid or a CSV file), each value as eval gives it; a point that fails fills its row's error.")
                .WithExample("table", "aD", "abarS", "\"diff(abarS, phi)\"", "--regime", "relocation-entry", "--grid", "phi=0.05:0.95:1000", "--at", "sigma=3,rho=4,sE=0.6,f=1,fI=0.5", "--csv");
            config.AddCommand<ListCommand>("list")
                .WithDescription("List every derived quantity per regime and phase, closed-form or implicit, and the thresholds.")
                .WithExample("list", "--regime", "relocation");
            config.AddCommand<DeriveCommand>("derive")
                .WithDescription("Show how a derived name or threshold was obtained: the steps whose equations or rule mention NAME, "
                    + "* marking those that define it (--all: every step of the phase), then its final form, closed or implicit. "
                    + "Every phase that defines NAME unless --phase is given; a threshold shows its whole derivation.")
                .WithExample("derive", "phiS", "--regime", "relocation-entry")
                .WithExample("derive", "aX", "--regime", "relocation", "--phase", "DD", "--latex");
            config.AddCommand<CheckCommand>("check")
                .WithDescription("Decide every claim of the model's claims file (proved, refuted with a counterexample, holds over N draws, "
                    + "undecided, not-derivable) and compare with the pinned verdicts: exit 0 when all match, 1 otherwise. "
                    + "One line per claim; verify explain ID shows the whole evidence.")
                .WithExample("check")
                .WithExample("check", "--claims", "R3.sustain,R4.limit", "--json");
            config.AddCommand<ExplainCommand>("explain")
                .WithDescription("One claim decided as check decides it, with its whole evidence: the paper's words, the reading, every detail, the point in full.")
                .WithExample("explain", "R3.order@relocation");
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Write the derivation report (README.md with every verdict, a page per Result, report.tex, figures, baseline.json) "
                    + "into --out (default proofs); the same model, claims and seed give the same files.")
                .WithExample("report")
                .WithExample("report", "--out", "proofs", "--draws", "10000");
            config.AddCommand<CompareCommand>("compare")
                .WithDescription("Re-derive and re-check an edited model against a report's baseline and print what changed: "
                    + "forms, implicit or closed, thresholds, verdicts, claims no longer evaluable. Exit 0 when nothing changed, 1 otherwise.")
                .WithExample("compare", "--baseline", "proofs/", "--model", "src/Models/variants/separate-beachhead-costs.model");
            config.AddCommand<SimulateCommand>("simulate")
                .WithDescription("Follow a dynamic regime's path from its start to the steady state: every state, unknown and quantity against t.")
                .WithExample("simulate", "general", "--at", "sigma=3,rho=4,sE=0.6,phi=0.5,f=1,fI=0.5,gammaR=1,gammaE=1", "--json");
            config.SetExceptionHandler((exception, _) =>
            {
                // Plain text, not markup: the message may hold brackets and must not be wrapped.
                var target = errors ?? console?.Profile.Out.Writer ?? Console.Error;
                var cause = ErrorKinds.Unwrap(exception);
                target.WriteLine($"error: {OneLine(ErrorKinds.Message(cause))}");
                if (Environment.GetEnvironmentVariable("VERIFY_TRACE") == "1") target.WriteLine(cause.StackTrace);
                return ErrorKinds.IsBadInput(cause) ? BadInput : InternalError;
            });
        });
        // An option token with no name ("--=1") makes the argument parser itself fail: say what is wrong first.
        if (args.FirstOrDefault(a => a.StartsWith("--=", StringComparison.Ordinal) || a.StartsWith("-=", StringComparison.Ordinal)) is { } nameless)
        {
            var target = errors ?? console?.Profile.Out.Writer ?? Console.Error;
            target.WriteLine($"error: '{OneLine(nameless)}' is an option with no name: write --name=value, or give a value that does not start with '-='");
            return BadInput;
        }
        try { return app.Run(ArgumentTokens.Protect(args)); }
        // The forms chosen to show results during the command, for the next one (a failed command keeps those too).
        finally { DerivationCache.SaveNotation(); }
    }

    static string OneLine(string message) => string.Join(" ", message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
