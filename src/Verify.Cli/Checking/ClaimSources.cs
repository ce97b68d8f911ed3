using Verify.Claims;
using Verify.Model.Claims;
using Verify.Model.Language;

namespace Verify.Cli.Checking;

/// <summary>
/// The claims and pinned verdicts that go with a model: the bundled ones for the bundled model,
/// otherwise the files beside the model file with the same name (.claims, .expected); a variant of a
/// bundled model without a .claims file takes the bundled claims (<see cref="VariantClaims"/>).
/// </summary>
static class ClaimSources
{
    public static (ClaimDocument Claims, ExpectedVerdicts? Expected) For(ModelDocument model, string? modelPath)
    {
        if (string.IsNullOrWhiteSpace(modelPath))
            return (ClaimsLoader.LoadBundled(model.Name), ExpectedVerdicts.LoadBundled(model.Name));
        var claimsPath = Path.ChangeExtension(modelPath, ".claims");
        var expectedBeside = Path.ChangeExtension(modelPath, ".expected");
        if (!File.Exists(claimsPath) && VariantClaims.BundledFamily(model.Name) is { } family)
            return (ClaimsLoader.LoadBundled(family), File.Exists(expectedBeside) ? ExpectedVerdicts.Load(expectedBeside) : null);
        if (!File.Exists(claimsPath)) throw new ArgumentException($"no claims file beside the model: {claimsPath} does not exist");
        var expectedPath = Path.ChangeExtension(modelPath, ".expected");
        return (ClaimsLoader.Load(claimsPath, model.Name), File.Exists(expectedPath) ? ExpectedVerdicts.Load(expectedPath) : null);
    }
}
