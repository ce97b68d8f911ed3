namespace Verify.Fuzz.Tests.Support;

/// <summary>A folder for one test, deleted after it.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"verify-fuzz-{Guid.NewGuid():N}");

    public TempFolder() => Directory.CreateDirectory(Path);

    public void Dispose() { if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true); }
}
