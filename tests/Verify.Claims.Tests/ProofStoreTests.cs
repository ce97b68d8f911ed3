using NUnit.Framework;
using Verify.Claims.Checking;
using Verify.Model.Language;

namespace Verify.Claims.Tests;

/// <summary>
/// Proof attempts (symbolic, and interval ones without a counterexample) stored between checks: read back as written, the attempt not made again;
/// a damaged, partial or foreign file ignored (the attempt made again); and a claim decided with a
/// stored attempt has the verdict and evidence it has without one.
/// </summary>
public class ProofStoreTests
{
    string _directory = "";

    [SetUp] public void Folder() => _directory = Path.Combine(Path.GetTempPath(), $"verify-proof-store-{Guid.NewGuid():N}");
    [TearDown] public void Remove() { if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true); }

    static readonly ModelDocument Model = ModelLoader.LoadBundled();

    static ProofStore.Attempt Attempted(ProofStore store, string key, ProofStore.Attempt made, ref int attempts)
    {
        int calls = 0;
        var outcome = store.GetOrTry(key, () => { calls++; return made; });
        attempts += calls;
        return outcome;
    }

    [Test]
    public void An_attempt_is_read_back_as_written_and_not_made_again()
    {
        var store = ProofStore.Open(_directory, Model);
        int attempts = 0;
        // Evidence with the characters the file format escapes.
        var made = new ProofStore.Attempt(false, "no symbolic proof:\tthe sign of a\\b\nis not decided");
        Attempted(store, "relocation | phiS < 1 | where sE > 1/2", made, ref attempts);
        Attempted(store, "entry | B = Bstar", new ProofStore.Attempt(true, "simplifies to 0"), ref attempts);
        Assert.That(attempts, Is.EqualTo(2));
        store.Save();

        var again = ProofStore.Open(_directory, Model);
        var read = Attempted(again, "relocation | phiS < 1 | where sE > 1/2", new ProofStore.Attempt(true, "made again"), ref attempts);
        Assert.That(attempts, Is.EqualTo(2), "a stored attempt is not made again");
        Assert.That(read, Is.EqualTo(made));
        Assert.That(Attempted(again, "entry | B = Bstar", new ProofStore.Attempt(false, "made again"), ref attempts).Proved, Is.True);
    }

    [TestCase("truncated")]
    [TestCase("checksum")]
    [TestCase("foreign")]
    [TestCase("garbage")]
    public void A_damaged_or_foreign_file_is_ignored(string damage)
    {
        var store = ProofStore.Open(_directory, Model);
        int attempts = 0;
        Attempted(store, "entry | B = Bstar", new ProofStore.Attempt(true, "simplifies to 0"), ref attempts);
        store.Save();
        var file = Directory.GetFiles(_directory, "*.proofs").Single();
        var text = File.ReadAllText(file);
        File.WriteAllText(file, damage switch
        {
            "truncated" => text[..(text.Length / 2)],
            "checksum" => text.Replace("simplifies to 0", "simplifies to 1"),
            "foreign" => "VERIFY-PROOFS-1 0000" + text[text.IndexOf('\n')..],
            _ => "\u0000\u0001 not a store",
        });
        var reopened = ProofStore.Open(_directory, Model);
        var outcome = Attempted(reopened, "entry | B = Bstar", new ProofStore.Attempt(false, "made again"), ref attempts);
        Assert.That(attempts, Is.EqualTo(2), $"a {damage} file is not read");
        Assert.That(outcome.Evidence, Is.EqualTo("made again"));
        reopened.Save();
        Assert.That(ProofStore.Open(_directory, Model).GetOrTry("entry | B = Bstar", () => throw new AssertionException("not stored again")).Evidence,
            Is.EqualTo("made again"), "the file is written afresh");
    }

    [Test]
    public void A_claim_decided_with_stored_attempts_has_the_same_verdict_and_evidence()
    {
        // R3.order: an interval proof (relocation-entry) and a counterexample (relocation); R5.xx-north: a failed symbolic proof.
        var claims = BundledClaims.Claims.Claims.Where(c => c.Id is "R5.xx-north" or "R1.equal-demand" or "R2.gain-positive" or "R3.order").ToList();
        var options = new CheckOptions(Draws: 200, Seed: 20140101);
        var fresh = CheckRun.Run(Model, BundledClaims.Claims, null, options, claims.Select(c => c.Id).ToList());
        var first = ProofStore.Open(_directory, Model);
        CheckRun.Run(Model, BundledClaims.Claims, null, options with { Proofs = first }, claims.Select(c => c.Id).ToList());
        first.Save();
        var stored = ProofStore.Open(_directory, Model);
        var reused = CheckRun.Run(Model, BundledClaims.Claims, null, options with { Proofs = stored }, claims.Select(c => c.Id).ToList());
        Assert.That(reused.Claims.Select(c => c.Result.Key + ": " + c.Result.Verdict.Name() + " " + c.Result.Evidence + string.Join(";", c.Result.Details)),
            Is.EqualTo(fresh.Claims.Select(c => c.Result.Key + ": " + c.Result.Verdict.Name() + " " + c.Result.Evidence + string.Join(";", c.Result.Details))));
    }
}
