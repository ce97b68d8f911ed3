using Verify.Claims;
using Verify.Cli.Modeling;
using Verify.Model.Claims;
using Verify.Reports;

namespace Verify.Cli.Reporting;

/// <summary>
/// The model, claims and pinned verdicts a report or a comparison works on. The bundled model
/// comes with its bundled claims; a model file with the .claims (and .expected) beside it, or —
/// for a variant of a bundled model that has no claims of its own — the claims of the model the
/// baseline was made from, so that a variant can be compared without copying them.
/// </summary>
static class ReportInputs
{
    public sealed record Loaded(ReportSources Sources, string ClaimsOrigin);

    public static Loaded For(string? modelPath, string? fallbackClaims = null)
    {
        var model = ModelSource.Load(modelPath);
        if (string.IsNullOrWhiteSpace(modelPath))
            return new(ReportSources.Bundled(model.Name) with { Model = model }, $"the bundled claims of {model.Name}");
        var claimsPath = Path.ChangeExtension(modelPath, ".claims");
        fallbackClaims ??= Checking.VariantClaims.BundledFamily(model.Name);
        var expectedPath = Path.ChangeExtension(modelPath, ".expected");
        var expected = File.Exists(expectedPath) ? ExpectedVerdicts.Load(expectedPath) : null;
        if (File.Exists(claimsPath))
            return new(new ReportSources(model, ClaimsLoader.Load(claimsPath, model.Name), expected), Path.GetFileName(claimsPath));
        if (fallbackClaims is not null && ClaimsLoader.BundledNames.Contains(fallbackClaims))
            return new(new ReportSources(model, ClaimsLoader.LoadBundled(fallbackClaims), expected),
                $"the bundled claims of {fallbackClaims} (no {Path.GetFileName(claimsPath)} beside the model)");
        throw new ArgumentException($"no claims file beside the model: {Path.GetFileName(claimsPath)} does not exist");
    }
}
