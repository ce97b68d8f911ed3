using NUnit.Framework;

namespace Verify.Cli.Tests;

/// <summary>The tests store derivations in a directory of their own, never in the user's cache, and remove it afterwards.</summary>
[SetUpFixture]
public sealed class CacheDirectory
{
    public static string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"verify-cli-tests-cache-{Guid.NewGuid():N}");

    [OneTimeSetUp]
    public void Use() => Environment.SetEnvironmentVariable("VERIFY_CACHE_DIR", Path);

    [OneTimeTearDown]
    public void Remove()
    {
        Environment.SetEnvironmentVariable("VERIFY_CACHE_DIR", null);
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
