using System.Security.Cryptography;
using System.Text;
using Verify.Model.Language;

namespace Verify.Derivation.Persistence;

/// <summary>
/// A derivation stored in a cache directory, content-addressed: the file name is a hash of the
/// engine's version, the model's file name (steps quote source positions) and its text, so an edit
/// of either, or a rebuilt engine, never meets an old file. The file holds a header, that key
/// again, the payload's length, the payload and its SHA-256: anything truncated, damaged or
/// written by another version does not match and is derived afresh. Files are written under a
/// temporary name and renamed into place, so a reader (another process, say) sees a whole file or
/// none; two processes writing the same derivation write the same bytes.
/// </summary>
public static class DerivationFile
{
    static readonly byte[] Magic = "VERIFY-DERIVATION-1\n"u8.ToArray();

    /// <summary>The engine's version: the build identities of the assemblies a derivation depends on.</summary>
    public static string EngineVersion { get; } = string.Join(",", new[]
    {
        typeof(Verify.Symbolic.Core.Expr).Assembly, typeof(ModelDocument).Assembly, typeof(ModelDeriver).Assembly,
    }.Select(a => a.ManifestModule.ModuleVersionId.ToString("N")));

    public static byte[] Key(ModelDocument model)
    {
        var file = model.Regimes.FirstOrDefault()?.Span.File ?? model.Name;
        return SHA256.HashData(Encoding.UTF8.GetBytes($"{EngineVersion}\n{file}\n{model.Text}"));
    }

    public static string PathFor(string directory, ModelDocument model) =>
        Path.Combine(directory, Convert.ToHexStringLower(Key(model)) + ".derivation");

    /// <summary>The stored derivation of <paramref name="model"/>, or null when there is none or it does not read.</summary>
    public static ModelDerivation? TryLoad(string directory, ModelDocument model)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(PathFor(directory, model)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        if (Payload(bytes, Key(model)) is not { } payload) return null;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
            return DerivationReader.Read(model, reader);
        }
        // The checksum matched, so this is a file of another layout under the same key: derive afresh.
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException or ArgumentException) { return null; }
    }

    /// <summary>Stores the derivation; a directory that cannot be written is no error (the cache is an optimisation).</summary>
    public static bool TrySave(string directory, ModelDocument model, ModelDerivation derivation)
    {
        var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true)) DerivationWriter.Write(derivation, writer);
        var body = payload.ToArray();
        var file = new MemoryStream();
        file.Write(Magic);
        file.Write(Key(model));
        file.Write(BitConverter.GetBytes((long)body.Length));
        file.Write(body);
        file.Write(SHA256.HashData(body));
        var path = PathFor(directory, model);
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                file.WriteTo(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
            Prune(directory);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (Exception d) when (d is IOException or UnauthorizedAccessException) { }
            return false;
        }
    }

    /// <summary>The kinds of file kept in the cache directory, each named by its model's key.</summary>
    static readonly string[] Stored = [".derivation", ".proofs", ".notation"];

    /// <summary>
    /// Every rebuilt engine or edited model leaves a file no one will ask for again: remove those not
    /// written for 30 days, and temporary files a killed process left (older than an hour).
    /// </summary>
    static void Prune(string directory)
    {
        var now = DateTime.UtcNow;
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles())
        {
            var age = now - file.LastWriteTimeUtc;
            // .proofs: the symbolic proof attempts the claim checker stores beside each derivation (ProofStore);
            // .notation: the forms chosen to show its results (NotationStore).
            bool stale = (Stored.Any(e => file.Name.EndsWith(e, StringComparison.Ordinal)) && age > TimeSpan.FromDays(30))
                || (file.Name.EndsWith(".tmp", StringComparison.Ordinal) && age > TimeSpan.FromHours(1));
            if (!stale) continue;
            try { file.Delete(); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>The payload when the header, key, length and checksum all match; null otherwise.</summary>
    static byte[]? Payload(byte[] bytes, byte[] key)
    {
        int head = Magic.Length + key.Length + sizeof(long);
        if (bytes.Length < head + 32) return null;
        if (!bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic)) return null;
        if (!bytes.AsSpan(Magic.Length, key.Length).SequenceEqual(key)) return null;
        var length = BitConverter.ToInt64(bytes, Magic.Length + key.Length);
        if (length != bytes.Length - head - 32) return null;
        var payload = bytes.AsSpan(head, (int)length).ToArray();
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(bytes.AsSpan(head + (int)length, 32))) return null;
        return payload;
    }
}
