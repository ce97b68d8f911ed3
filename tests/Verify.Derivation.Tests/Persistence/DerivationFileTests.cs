using NUnit.Framework;
using Verify.Derivation.Persistence;
using Verify.Model.Language;

namespace Verify.Derivation.Tests.Persistence;

/// <summary>The cache file: found again by content, damaged or foreign files ignored, writes whole even when concurrent.</summary>
public class DerivationFileTests
{
    const string Tiny = """
        model tiny
        parameter p : p > 0       "price"
        parameter c : 0 < c < 1   "unit cost"
        regime market "a one-line market"
          unknown q : q > 0       "quantity sold"
          condition supply : q*c = p
          quantity revenue = p*q  "revenue"
        end
        """;

    string _directory = "";

    [SetUp]
    public void SetUp() => _directory = Path.Combine(Path.GetTempPath(), $"verify-cache-test-{Guid.NewGuid():N}");

    [TearDown]
    public void TearDown() { if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true); }

    static ModelDocument Model(string text = Tiny) => ModelLoader.LoadText(text, "tiny.model");

    [Test]
    public void A_stored_derivation_is_found_by_its_model_text_only()
    {
        var model = Model();
        Assert.That(DerivationFile.TryLoad(_directory, model), Is.Null);
        Assert.That(DerivationFile.TrySave(_directory, model, ModelDeriver.Derive(model)), Is.True);
        var stored = DerivationFile.TryLoad(_directory, model);
        Assert.That(stored!.Regime("market")!.Phase(null)!.Find("q")!.Value.ToString(), Is.EqualTo("p/c").Or.EqualTo("c^-1*p").Or.EqualTo("p*c^-1"));
        // One character more in the model: another key, nothing found.
        Assert.That(DerivationFile.TryLoad(_directory, Model(Tiny + "\n")), Is.Null);
    }

    [TestCase("truncated")]
    [TestCase("flipped")]
    [TestCase("empty")]
    [TestCase("foreign")]
    public void A_damaged_or_foreign_file_is_ignored_and_replaced(string damage)
    {
        var model = Model();
        DerivationFile.TrySave(_directory, model, ModelDeriver.Derive(model));
        var path = DerivationFile.PathFor(_directory, model);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, damage switch
        {
            "truncated" => bytes[..(bytes.Length * 2 / 3)],
            "flipped" => Flip(bytes, bytes.Length / 2),
            "empty" => [],
            _ => System.Text.Encoding.UTF8.GetBytes("not a derivation at all\n"),
        });
        Assert.That(DerivationFile.TryLoad(_directory, model), Is.Null, damage);
        Assert.That(DerivationFile.TrySave(_directory, model, ModelDeriver.Derive(model)), Is.True);
        Assert.That(DerivationFile.TryLoad(_directory, model), Is.Not.Null);
    }

    static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 0x40;
        return copy;
    }

    [Test]
    public void Concurrent_writers_leave_one_whole_file_and_no_temporary_ones()
    {
        var model = Model();
        var derivation = ModelDeriver.Derive(model);
        // Writers and readers at once: every read sees nothing or a whole derivation.
        var loaded = 0;
        Parallel.For(0, 16, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            if (i % 2 == 0) Assert.That(DerivationFile.TrySave(_directory, model, derivation), Is.True);
            else if (DerivationFile.TryLoad(_directory, model) is { } d)
            {
                Assert.That(d.Regime("market"), Is.Not.Null);
                Interlocked.Increment(ref loaded);
            }
        });
        Assert.That(DerivationFile.TryLoad(_directory, model), Is.Not.Null);
        Assert.That(Directory.GetFiles(_directory).Select(Path.GetFileName), Is.EqualTo(new[] { Path.GetFileName(DerivationFile.PathFor(_directory, model)) }));
        TestContext.Out.WriteLine($"{loaded} of 8 concurrent reads found the file");
    }
}
