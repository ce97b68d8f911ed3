using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Fuzz.Tests.Support;
using Verify.Model.Language;

namespace Verify.Fuzz.Tests;

/// <summary>
/// Damaged model files either load or are rejected with a ModelException placed at
/// file:line:column inside the file; never another exception, never a hang.
/// </summary>
public class ModelFileFuzzTests
{
    static readonly Mutator Damage = new([
        "model", "title", "source", "parameter", "constraint", "derived", "variable", "density", "function", "regime", "end",
        "carry", "from", "fix", "unknown", "condition", "quantity", "hint", "solve", "add", "subtract", "ratio", "threshold",
        "for", "in", "phase", "when", "drop", "latex",
    ]);

    [Test]
    public void Every_seed_loads() =>
        Assert.That(() => Seeds.Models.Select(b => ModelLoader.LoadText(FileText.Decode(b), "seed.model")).ToList(), Throws.Nothing);

    [Test]
    public void Damaged_model_files_load_or_fail_at_a_place_in_the_file() =>
        Fuzzing.Run(FuzzCase.Over(Seeds.Models.Count), c =>
        {
            var text = FileText.Decode(Damage.Apply(Seeds.Models[c.Seed], c.Mutations));
            try { ModelLoader.LoadText(text, "fuzz.model"); return "loaded"; }
            catch (ModelException e) { Expect.PlacedIn(e.Message, e.Line, e.Column, "fuzz.model", text); return "rejected"; }
        }, seed: 20140101, count: 2500);
}
