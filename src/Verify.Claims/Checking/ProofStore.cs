using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Verify.Derivation.Persistence;
using Verify.Model.Language;

namespace Verify.Claims.Checking;

/// <summary>
/// Proof attempts remembered, within a check and between checks: symbolic ones, and interval ones
/// that found no counterexample. An attempt is a function of the derived model, the claim's domain
/// (its 'where' and 'with'), the relation and, for boxes, their budget; a failed symbolic one costs up
/// to two seconds of simplification (R3.ar-increasing in relocation-entry), R3.order's interval proof a
/// second of branch and bound. Each is stored as proved or not with its evidence. Stored beside the
/// derivations in the cache directory, one file per model and engine (<see cref="Open"/>); a file that
/// does not read whole, or was written by another engine or for another model text, is ignored and
/// written afresh. Safe for the check's workers at once; <see cref="Save"/> writes atomically.
/// </summary>
public sealed class ProofStore
{
    static readonly string Magic = "VERIFY-PROOFS-1";

    /// <summary>The provers' version: the build identities of the assemblies an attempt depends on.</summary>
    static string EngineVersion { get; } = DerivationFile.EngineVersion + "," + string.Join(",", new[]
    {
        typeof(ProofStore).Assembly, typeof(Verify.Proofs.SignProver).Assembly,
    }.Select(a => a.ManifestModule.ModuleVersionId.ToString("N")));

    readonly ConcurrentDictionary<string, Attempt> _outcomes = new(StringComparer.Ordinal);

    /// <summary>What is stored of an attempt.</summary>
    public sealed record Attempt(bool Proved, string Evidence);
    readonly string? _path;
    readonly string _key;
    int _added;

    ProofStore(string? path, string key) { _path = path; _key = key; }

    /// <summary>A store kept in memory only.</summary>
    public static ProofStore InMemory() => new(null, "");

    /// <summary>The store of this model in <paramref name="directory"/> (in memory only when null).</summary>
    public static ProofStore Open(string? directory, ModelDocument model)
    {
        if (directory is null) return InMemory();
        var file = model.Regimes.FirstOrDefault()?.Span.File ?? model.Name;
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{EngineVersion}\n{file}\n{model.Text}")));
        var store = new ProofStore(Path.Combine(directory, key + ".proofs"), key);
        store.Read();
        return store;
    }

    /// <summary>
    /// The key of an attempt of a kind ("symbolic", "interval, N boxes"): everything it reads besides the derived model,
    /// which names the file — the regime, the relation, the claim's 'where' and 'with', and further conditions.
    /// </summary>
    public static string Key(string kind, ClaimSetting setting, RelationCheck relation, IReadOnlyList<RelationCheck>? conditions = null) =>
        string.Join(" | ", new[] { kind, setting.Regime, relation.Relation.ToString() }
            .Concat(setting.Claim.Where.Select(w => $"where {w.Text}"))
            .Concat(setting.Claim.With.Select(w => $"with {w.Name} = {w.Value.Text}"))
            .Concat((conditions ?? []).Select(c => $"and {c.Relation}")));

    /// <summary>The attempt stored under the key, or made now and stored.</summary>
    public Attempt GetOrTry(string key, Func<Attempt> attempt)
    {
        if (TryGet(key) is { } known) return known;
        var outcome = attempt();
        Add(key, outcome);
        return outcome;
    }

    public Attempt? TryGet(string key) => _outcomes.TryGetValue(key, out var known) ? known : null;

    public void Add(string key, Attempt attempt)
    {
        if (_outcomes.TryAdd(key, attempt)) Interlocked.Increment(ref _added);
    }

    /// <summary>Writes the store when attempts were added (a directory that cannot be written is no error).</summary>
    public void Save()
    {
        if (_path is null || Volatile.Read(ref _added) == 0) return;
        StoreFile.Write(_path, $"{Magic} {_key}", _outcomes.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new[] { p.Key, p.Value.Proved ? "1" : "0", p.Value.Evidence }));
    }

    void Read()
    {
        if (StoreFile.Read(_path!, $"{Magic} {_key}", fields: 3) is not { } entries) return;
        if (entries.Any(e => e[1] is not ("0" or "1"))) return;
        foreach (var e in entries) _outcomes[e[0]] = new Attempt(e[1] == "1", e[2]);
    }
}
