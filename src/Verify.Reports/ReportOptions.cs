namespace Verify.Reports;

/// <summary>
/// How a report is made: the draws and seed of the claim checks (the defaults of verify check,
/// so the committed report shows the real verdicts), and the model's file name when it is not
/// the bundled one (only the name: a report holds no machine paths).
/// </summary>
public sealed record ReportOptions(int Draws = ReportOptions.DefaultDraws, ulong Seed = ReportOptions.DefaultSeed, string? ModelFile = null)
{
    public const int DefaultDraws = 10_000;
    public const ulong DefaultSeed = 20140101;

    /// <summary>Whether to draw the figures (tests of the text alone skip them).</summary>
    public bool Figures { get; init; } = true;

    /// <summary>The command that makes this report again, from the repository's root.</summary>
    public string Command => "dotnet run --project src/Verify.Cli -- report"
        + (ModelFile is null ? "" : $" --model {ModelFile}")
        + (Draws == DefaultDraws ? "" : $" --draws {Draws}")
        + (Seed == DefaultSeed ? "" : $" --seed {Seed}");
}
