using System.Reflection;

namespace Verify.Model.Language;

/// <summary>
/// Reads model files (the language is described in docs/model-language.md). Every problem with
/// a file, from an unreadable path to an unknown name, is a <see cref="ModelException"/> whose
/// message starts with file:line:column.
/// </summary>
public static class ModelLoader
{
    const string ResourcePrefix = "Models.";
    const string Extension = ".model";

    public static ModelDocument Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ModelException(path, 0, 0, $"cannot read the model file: {e.Message}", e);
        }
        return LoadText(text, path);
    }

    /// <summary>Reads a model from text; <paramref name="fileName"/> is only used in error messages and spans.</summary>
    public static ModelDocument LoadText(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var source = new SourceText(fileName, text);
        var syntax = SyntaxReader.Read(source);
        return ModelBuilder.Build(source, syntax);
    }

    /// <summary>The models shipped inside this assembly, by name (e.g. baldwin-okubo-2014).</summary>
    public static IReadOnlyList<string> BundledNames { get; } = typeof(ModelLoader).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(Extension, StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^Extension.Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    public static ModelDocument LoadBundled(string name = "baldwin-okubo-2014")
    {
        ArgumentNullException.ThrowIfNull(name);
        var fileName = name + Extension;
        using var stream = typeof(ModelLoader).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new ModelException(fileName, 0, 0,
                $"no bundled model named '{name}'; bundled models: {string.Join(", ", BundledNames)}");
        using var reader = new StreamReader(stream);
        return LoadText(reader.ReadToEnd(), fileName);
    }
}
