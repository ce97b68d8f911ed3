using Spectre.Console;
using Spectre.Console.Cli;
using Verify.Cli.Commands;

namespace Verify.Cli;

/// <summary>
/// The verify command line. Exit codes: 0 success, 1 a verdict differs from the pinned one
/// (check) or a comparison found changes (compare), 2 bad input — always a one-line message,
/// never a stack trace.
/// </summary>
public static class VerifyApp
{
    public const int BadInput = 2;

    public static int Run(string[] args, IAnsiConsole? console = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("verify");
            if (console is not null) config.ConfigureConsole(console);
            config.AddCommand<SimplifyCommand>("simplify")
                .WithDescription("Simplify an expression under assumptions.")
                .WithExample("simplify", "\"x^a*x^b/x\"", "--assume", "\"x>0\"");
            config.AddCommand<EvalCommand>("eval")
                .WithDescription("Evaluate an expression at a point.")
                .WithExample("eval", "\"diff(x^3, x)\"", "--at", "x=2");
            config.SetExceptionHandler((exception, _) =>
            {
                var target = console ?? AnsiConsole.Console;
                target.MarkupLine($"[red]error:[/] {Markup.Escape(UserMessage(exception))}");
                return BadInput;
            });
        });
        return app.Run(args);
    }

    /// <summary>The message a user sees: the exception's own, for the errors of bad input we raise on purpose.</summary>
    static string UserMessage(Exception e) => e switch
    {
        AggregateException { InnerException: { } inner } => UserMessage(inner),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => UserMessage(inner),
        _ => e.Message,
    };
}
