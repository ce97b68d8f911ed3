using System.Text.RegularExpressions;
using Verify.Model.Claims;

namespace Verify.Reports.Content;

/// <summary>
/// Which page a claim goes on: one per Result of the paper (R1 … R7, by the id's prefix), and
/// one for every other claim (the side claims: HME., FN11.).
/// </summary>
public static partial class ClaimGroups
{
    public sealed record Group(string Key, string File, string Title, IReadOnlyList<ClaimDefinition> Claims);

    public const string SideKey = "side";

    public static IReadOnlyList<Group> Of(ClaimDocument claims)
    {
        var results = claims.Claims
            .Select(c => (Claim: c, Match: ResultPrefix().Match(c.Id)))
            .Where(x => x.Match.Success)
            .GroupBy(x => int.Parse(x.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key)
            .Select(g => new Group($"R{g.Key}", $"R{g.Key}.md", $"Result {g.Key}", g.Select(x => x.Claim).ToList()))
            .ToList();
        var side = claims.Claims.Where(c => !ResultPrefix().IsMatch(c.Id)).ToList();
        if (side.Count > 0)
        {
            var prefixes = side.Select(c => c.Id.Split('.')[0] + ".").Distinct();
            results.Add(new Group(SideKey, "side-claims.md", $"Side claims ({string.Join(", ", prefixes)})", side));
        }
        return results;
    }

    [GeneratedRegex(@"^R(\d+)\.")]
    private static partial Regex ResultPrefix();
}
