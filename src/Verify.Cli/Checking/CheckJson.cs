using Verify.Claims;

namespace Verify.Cli.Checking;

/// <summary>The machine-readable result of verify check.</summary>
static class CheckJson
{
    public static object Of(CheckRun.Outcome outcome) => new
    {
        claims = outcome.Claims.Select(c => new
        {
            id = c.Result.Id,
            regime = c.Result.Regime,
            verdict = c.Result.Verdict.Name(),
            expected = c.Expected?.Verdict.Name(),
            matches = c.Matches,
            headline = Headline.Of(c.Result),
            evidence = c.Result.Evidence,
            details = c.Result.Details,
            counterexample = c.Result.Counterexample,
            draws = c.Result.Draws,
            seed = c.Result.Seed,
        }),
        seconds = Math.Round(outcome.Elapsed.TotalSeconds, 1),
    };
}
