using System.Runtime.CompilerServices;

namespace Verify.Symbolic.Core;

/// <summary>
/// Called at the top of each recursion over an expression built from user input. A stack overflow
/// ends the process and cannot be caught; this throws InsufficientExecutionStackException instead,
/// while there is still room to report it as an error (the command line says the input is nested
/// too deeply).
/// </summary>
public static class StackGuard
{
    public static void Ensure() => RuntimeHelpers.EnsureSufficientExecutionStack();
}
