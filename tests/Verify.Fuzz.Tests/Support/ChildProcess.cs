using System.Diagnostics;

namespace Verify.Fuzz.Tests.Support;

/// <summary>
/// The built verify command (verify.dll, copied beside the tests by the project reference) run as
/// a child process: for what cannot be tested in-process, a kill at a random moment or an input
/// that could bring the whole process down.
/// </summary>
public static class ChildProcess
{
    static string Verify => Path.Combine(AppContext.BaseDirectory, "verify.dll");

    /// <summary>The same dotnet that runs the tests (dotnet test says which), else the one on the PATH.</summary>
    static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Verify);
        foreach (var a in args) info.ArgumentList.Add(a);
        return Process.Start(info) ?? throw new InvalidOperationException("could not start verify");
    }

    /// <summary>Runs to the end (or kills it after <paramref name="timeout"/>): exit code and all it printed, null exit on timeout.</summary>
    public static (int? Exit, string Output) Run(TimeSpan timeout, params string[] args)
    {
        using var p = Start(args);
        var output = p.StandardOutput.ReadToEndAsync();
        var errors = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return (null, output.Result + errors.Result);
        }
        p.WaitForExit();
        return (p.ExitCode, output.Result + errors.Result);
    }
}
