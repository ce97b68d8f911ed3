using Verify.Claims;
using Verify.Model.Claims;
using Verify.Model.Language;

namespace Verify.Cli.Checking;

/// <summary>
/// The claims and pinned verdicts that go with a model: the bundled ones for the bundled model,
/// otherwise the files beside the model file with the same name (.claims, .expected).
/// </summary>
static class ClaimSources
{
    public static (ClaimDocument Claims, ExpectedVerdicts? Expected) For(ModelDocument model, string? modelPath)
    {
        if (string.IsNullOrWhiteSpace(modelPath))
            return (ClaimsLoader.LoadBundled(model.Name), ExpectedVerdicts.LoadBundled(model.Name));
        var claimsPath = Path.ChangeExtension(modelPath, ".claims");
        if (!File.Exists(claimsPath)) throw new ArgumentException($"no claims file beside the model: {claimsPath} does not exist");
        var expectedPath = Path.ChangeExtension(modelPath, ".expected");
        return (ClaimsLoader.Load(claimsPath, model.Name), File.Exists(expectedPath) ? ExpectedVerdicts.Load(expectedPath) : null);
    }
}
