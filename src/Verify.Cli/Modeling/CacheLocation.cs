namespace Verify.Cli.Modeling;

/// <summary>
/// Where stored derivations live: --cache-dir, else $VERIFY_CACHE_DIR, else the user's cache
/// directory ($XDG_CACHE_HOME/verify, ~/.cache/verify; on Windows the local application data).
/// --no-cache: none at all, every command derives afresh.
/// </summary>
static class CacheLocation
{
    public const string Variable = "VERIFY_CACHE_DIR";

    public static string? Of(string? option, bool disabled)
    {
        if (disabled) return null;
        if (!string.IsNullOrWhiteSpace(option)) return Path.GetFullPath(option);
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } fromEnvironment) return Path.GetFullPath(fromEnvironment);
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "verify", "cache");
        if (Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg)) return Path.Combine(xdg, "verify");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "verify");
    }
}
