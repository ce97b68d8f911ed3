using System.ComponentModel;
using Spectre.Console.Cli;
using Verify.Cli.Modeling;

namespace Verify.Cli.Commands;

/// <summary>Options every command that reads a model shares.</summary>
public class ModelSettings : CommandSettings
{
    [CommandOption("--model <FILE>")] [Description("Model file to use instead of the bundled Baldwin-Okubo (2014) model.")]
    public string? Model { get; init; }
}

/// <summary>Options of the commands that read a model's derivation, which is stored between runs.</summary>
public class CachedModelSettings : ModelSettings
{
    [CommandOption("--cache-dir <DIR>")] [Description("Where derivations are stored between runs (default $VERIFY_CACHE_DIR, else $XDG_CACHE_HOME/verify or ~/.cache/verify).")]
    public string? CacheDir { get; init; }

    [CommandOption("--no-cache")] [Description("Derive afresh; neither read nor write stored derivations.")]
    public bool NoCache { get; init; }

    /// <summary>The cache directory to use, or null for none.</summary>
    internal string? CacheDirectory => CacheLocation.Of(CacheDir, NoCache);
}

/// <summary>Options of the commands that decide claims: how many random draws, from which seed.</summary>
public class DrawSettings : CachedModelSettings
{
    [CommandOption("--draws <N>")] [Description("Random admissible draws per claim (default 10000).")]
    public int Draws { get; init; } = 10_000;
    [CommandOption("--seed <S>")] [Description("Seed of the draws (default 20140101); the same seed replays the same draws.")]
    public ulong Seed { get; init; } = 20140101;

    internal void CheckDraws()
    {
        if (Draws < 1) throw new ArgumentException("--draws must be at least 1");
    }
}
