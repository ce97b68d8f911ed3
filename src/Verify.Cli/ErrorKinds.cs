using Spectre.Console.Cli;
using Verify.Claims.Checking;
using Verify.Derivation;
using Verify.Derivation.Evaluation;
using Verify.Model.Language;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Text;

namespace Verify.Cli;

/// <summary>
/// Which exceptions are the documented errors of bad input (exit 2) and which are bugs (exit 3).
/// The command line prints both as one line, but a bug says so, so that it is reported instead of
/// being mistaken for a mistake in the input; the fuzz tests rely on the difference.
/// </summary>
static class ErrorKinds
{
    public static bool IsBadInput(Exception e) => e switch
    {
        ModelException or ParseException or ClaimException or ClaimEvaluationException => true,
        WorkLimitException or NumericFailure or DerivationException or DifferentiationException or EvaluationException => true,
        FormatException or IOException or UnauthorizedAccessException or CommandAppException => true,
        InsufficientExecutionStackException => true,   // input nested deeper than the stack allows, caught in time
        // .NET raises these two from inside a method given a value it did not expect: a bug, not the user's input.
        ArgumentNullException or ArgumentOutOfRangeException => false,
        ArgumentException => true,
        _ => false,
    };

    /// <summary>The exception that says what went wrong, under the wrappers of reflection and tasks.</summary>
    public static Exception Unwrap(Exception e) => e switch
    {
        AggregateException { InnerException: { } inner } => Unwrap(inner),
        System.Reflection.TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => e,
    };

    public static string Message(Exception e) => e switch
    {
        InsufficientExecutionStackException => "the input is nested too deeply to process (an expression or a chain of functions)",
        _ when IsBadInput(e) => e.Message,
        _ => $"internal error ({e.GetType().Name}): {e.Message} (a bug in verify: please report it with the command that caused it)",
    };
}
