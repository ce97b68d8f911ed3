namespace Verify.Cli;

/// <summary>
/// Expressions and values may start with '-' ("-x^2", "-1"), which the argument parser would
/// take for an option. verify has no short options but -h, -?, -v: a token that starts with '-'
/// and is not an option's name is a value. It is passed on with a leading space, which the
/// expression parser and number reader skip. "--", which users write out of habit before such a
/// value, is dropped, so options may still follow it.
/// </summary>
static class ArgumentTokens
{
    public static string[] Protect(string[] args)
    {
        var result = new List<string>(args.Length);
        foreach (var arg in args)
        {
            if (arg == "--") continue;
            result.Add(IsValue(arg) && arg.StartsWith('-') ? " " + arg : arg);
        }
        return [.. result];
    }

    static bool IsValue(string arg)
    {
        if (!arg.StartsWith('-')) return true;
        if (arg is "-h" or "-?" or "-v") return false;
        if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length < 3 || !char.IsAsciiLetter(arg[2])) return true;
        var end = arg.IndexOf('=');
        var name = end < 0 ? arg[2..] : arg[2..end];
        return !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
    }
}
