using Verify.Model.Language;

namespace Verify.Model.Claims;

/// <summary>
/// Reads claims files (the language is described in docs/claims-language.md). Every problem
/// with a file is a <see cref="ModelException"/> whose message starts with file:line:column.
/// The math of a claim is kept as text with its place: it is read only when the claim is
/// checked, in the scope of one of the model's regimes.
/// </summary>
public static class ClaimsLoader
{
    const string ResourcePrefix = "Models.";
    const string Extension = ".claims";

    /// <summary>Reads a claims file; with <paramref name="model"/>, its 'claims for' must name that model.</summary>
    public static ClaimDocument Load(string path, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ModelException(path, 0, 0, $"cannot read the claims file: {e.Message}", e);
        }
        return LoadText(text, path, model);
    }

    /// <summary>
    /// Reads claims from text; <paramref name="fileName"/> is only used in error messages and spans.
    /// With <paramref name="model"/>, the file's 'claims for' must name that model.
    /// </summary>
    public static ClaimDocument LoadText(string text, string fileName, string? model = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        return ClaimsReader.Read(new SourceText(fileName, text), model);
    }

    /// <summary>The claims files shipped inside this assembly, by name (e.g. baldwin-okubo-2014).</summary>
    public static IReadOnlyList<string> BundledNames { get; } = typeof(ClaimsLoader).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(Extension, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^Extension.Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The bundled claims about the bundled model of the same name; the file must say 'claims for' that name.</summary>
    public static ClaimDocument LoadBundled(string name = "baldwin-okubo-2014")
    {
        ArgumentNullException.ThrowIfNull(name);
        var fileName = name + Extension;
        using var stream = typeof(ClaimsLoader).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new ModelException(fileName, 0, 0,
                $"no bundled claims named '{name}'; bundled claims: {string.Join(", ", BundledNames)}");
        using var reader = new StreamReader(stream);
        return LoadText(reader.ReadToEnd(), fileName, model: name);
    }
}
