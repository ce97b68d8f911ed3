using Verify.Model.Claims;

namespace Verify.Cli.Checking;

/// <summary>
/// A variant of a bundled model is named after it (baldwin-okubo-2014-lognormal): without a
/// claims file of its own it is checked with the bundled model's claims, so that they are not copied.
/// </summary>
static class VariantClaims
{
    /// <summary>The bundled claims whose model name <paramref name="modelName"/> extends with '-', or null.</summary>
    public static string? BundledFamily(string modelName) =>
        ClaimsLoader.BundledNames.Where(n => modelName.StartsWith(n + "-", StringComparison.Ordinal))
            .OrderByDescending(n => n.Length).FirstOrDefault();
}
