using NUnit.Framework;
using Verify.Derivation.Persistence;
using Verify.Derivation.Tests.Support;
using Verify.Symbolic.Core;
using Verify.Symbolic.Presentation;
using Verify.Symbolic.Text;

namespace Verify.Derivation.Tests.Persistence;

/// <summary>
/// The forms chosen to show derived results, stored between runs: every closed form of the bundled model reads back
/// as the very form chosen (it prints the same, plain and LaTeX); the presenter takes a remembered form instead of
/// choosing; a damaged or foreign file is ignored.
/// </summary>
public class NotationStoreTests
{
    string _directory = "";

    [SetUp] public void Folder() => _directory = Path.Combine(Path.GetTempPath(), $"verify-notation-store-{Guid.NewGuid():N}");
    [TearDown] public void Remove() { if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true); }

    /// <summary>Forty of the bundled model's closed forms and thresholds, each with the form its presenter chooses.</summary>
    static List<(Expr Value, Form Form)> ChosenForms() => Chosen.Value;

    static readonly Lazy<List<(Expr Value, Form Form)>> Chosen = new(() =>
    {
        var derivation = Bundled.Derivation;
        var values = derivation.Regimes.SelectMany(r => r.Phases).SelectMany(p => p.Values.Values).Select(v => v.Value)
            .Concat(derivation.Regimes.SelectMany(r => r.Thresholds).Select(t => t.Value).OfType<Expr>())
            .Distinct().Take(40).ToList();
        return values.Select(v => (v, derivation.Context.Presenter.Present(v))).ToList();
    });

    static IEnumerable<Form> Nodes(Form form) => form switch
    {
        PowerForm p => Nodes(p.Base).Prepend(form),
        QuotientForm q => q.Above.Concat(q.Below).SelectMany(Nodes).Prepend(form),
        SumForm s => s.Terms.SelectMany(t => Nodes(t.Term)).Prepend(form),
        LogForm l => Nodes(l.Argument).Prepend(form),
        _ => [form],
    };

    static string Printed(Form form) => PlainPrinter.Print(form) + "\n" + LatexPrinter.Print(form);

    [Test]
    public void Every_chosen_form_of_the_bundled_model_reads_back_as_chosen()
    {
        var chosen = ChosenForms();
        // Quotients, sums, grouped powers: the codec meets each kind of node.
        var kinds = chosen.SelectMany(c => Nodes(c.Form)).Select(f => f.GetType()).Distinct().ToList();
        Assert.That(kinds, Has.Count.GreaterThanOrEqualTo(4), string.Join(", ", kinds.Select(k => k.Name)));
        var store = NotationStore.Open(_directory, Bundled.Model);
        foreach (var (value, form) in chosen) store.Remember(value, form);
        store.Save();

        var again = NotationStore.Open(_directory, Bundled.Model);
        foreach (var (value, form) in chosen)
        {
            var read = again.Recall(value);
            Assert.That(read, Is.Not.Null, $"{value} was not stored");
            Assert.That(Printed(read!), Is.EqualTo(Printed(form)), $"{value}");
        }
    }

    [Test]
    public void The_presenter_shows_a_remembered_form_without_choosing_again()
    {
        var x = Expr.Sym("x", SymbolSign.Positive);
        var e = Expr.Pow(x, Expr.Num(2)) + x;
        // A form the presenter would never choose for x^2 + x: only a memory can make it appear.
        var remembered = Form.Of(x * (x + 1));
        var memory = NotationStore.InMemory();
        memory.Remember(e, remembered);
        var presenter = Presenter.Plain(Bundled.Derivation.Context.Oracle);
        presenter.Memory = memory;
        Assert.That(presenter.Text(e), Is.EqualTo(PlainPrinter.Print(remembered)));

        // And a form it chooses is told to the memory.
        var other = Expr.Pow(x, Expr.Num(3));
        var shown = presenter.Present(other);
        Assert.That(memory.Recall(other), Is.SameAs(shown));
    }

    [Test]
    public void A_simplified_form_is_remembered_under_the_expression_before_simplifying()
    {
        var context = Bundled.Derivation.Context;
        // A claim's expression as the report meets it: a derived form multiplied out, which the simplifier folds back.
        var aD = Bundled.Derivation.Regimes.Single(r => r.Regime.Name == "entry").Phases[0].Values.Single(v => v.Key.Name == "aD").Value.Value;
        var raw = Verify.Symbolic.Algebra.Expansion.Expand(aD * (aD + Expr.One), context.Oracle);
        var simplifications = 0;
        Expr Counted(Expr e) { simplifications++; return context.Simplify(e); }
        var memory = NotationStore.InMemory();
        var first = new Presenter(context.Oracle, [], Counted) { Memory = memory };
        var shown = first.PresentSimplified(raw);
        Assert.That(Printed(shown), Is.EqualTo(Printed(first.Present(context.Simplify(raw)))), "the form of the simplified expression");
        Assert.That(simplifications, Is.EqualTo(1));

        // Another presenter with the same memory (the next run) shows the same form without simplifying again.
        var next = new Presenter(context.Oracle, [], Counted) { Memory = memory };
        Assert.That(Printed(next.PresentSimplified(raw)), Is.EqualTo(Printed(shown)));
        Assert.That(simplifications, Is.EqualTo(1), "the remembered form is read back, not simplified again");
        // The key is the expression marked as simplified, not the expression itself: its own form is chosen afresh.
        Assert.That(memory.Recall(raw), Is.Null);
    }

    [TestCase("truncated")]
    [TestCase("checksum")]
    [TestCase("foreign")]
    [TestCase("not a form")]
    public void A_damaged_or_foreign_file_is_ignored(string damage)
    {
        var (value, form) = ChosenForms().First(c => c.Form is not LeafForm);
        var store = NotationStore.Open(_directory, Bundled.Model);
        store.Remember(value, form);
        store.Save();
        var file = Directory.GetFiles(_directory, "*.notation").Single();
        var text = File.ReadAllText(file);
        var lines = text.Split('\n');
        if (damage == "not a form")
            // Whole, with its checksum, but the form does not decode.
            StoreFile.Write(file, lines[0], [[lines[1].Split('\t')[0], Convert.ToBase64String([0x7f, 1, 2])]]);
        else
            File.WriteAllText(file, damage switch
            {
                "truncated" => text[..(text.Length / 2)],
                "checksum" => text.Replace(lines[1][..8], "AAAAAAAA"),
                _ => "VERIFY-NOTATION-1 0000" + text[text.IndexOf('\n')..],
            });
        Assert.That(NotationStore.Open(_directory, Bundled.Model).Recall(value), Is.Null, $"a {damage} file is not read");
    }
}
