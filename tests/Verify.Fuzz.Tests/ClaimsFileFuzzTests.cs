using NUnit.Framework;
using Verify.Claims;
using Verify.Derivation.Evaluation;
using Verify.Fuzz.Tests.Support;
using Verify.Model.Claims;
using Verify.Model.Language;
using Verify.Symbolic.Text;

namespace Verify.Fuzz.Tests;

/// <summary>
/// Damaged claims files and pinned-verdict files load or are rejected with their documented error
/// placed in the file; the math of a claims file that loads is read in its regimes' scope, as the
/// checker reads it, and fails only with a ParseException placed in the file or a one-line ArgumentException.
/// </summary>
public class ClaimsFileFuzzTests
{
    static readonly Mutator Damage = new([
        "claims", "claim", "quote", "reading", "regime", "where", "with", "verdict", "assert", "end", "for", "exists", "forall",
        "in", "decreasing", "increasing", "over", "limit", "as", "inf", "->", "formula", "up", "to", "a", "positive", "factor",
        "not-derivable", "holds", "proved", "refuted", "undecided", "@entry", "@relocation",
    ]);

    // The models the two seed files are about: the bundled one and the docs' worked example.
    static readonly ModelDocument[] Models =
    [
        ModelLoader.LoadBundled(),
        ModelLoader.LoadText(FileText.Decode(Seeds.Models[2]), "tiny-autarky.model"),
    ];

    [Test]
    public void Every_seed_loads()
    {
        for (int i = 0; i < Seeds.Claims.Count; i++)
            Assert.That(ReadMath(ClaimsLoader.LoadText(FileText.Decode(Seeds.Claims[i]), "seed.claims", Models[i].Name), Models[i], "seed.claims", ""), Is.EqualTo("loaded"));
        Assert.That(ExpectedVerdicts.Parse(FileText.Decode(Seeds.Expected[0]), "seed.expected").Entries, Is.Not.Empty);
    }

    [Test]
    public void Damaged_claims_files_load_or_fail_at_a_place_in_the_file() =>
        Fuzzing.Run(FuzzCase.Over(Seeds.Claims.Count), c =>
        {
            var text = FileText.Decode(Damage.Apply(Seeds.Claims[c.Seed], c.Mutations));
            ClaimDocument claims;
            try { claims = ClaimsLoader.LoadText(text, "fuzz.claims", Models[c.Seed].Name); }
            catch (ModelException e) { Expect.PlacedIn(e.Message, e.Line, e.Column, "fuzz.claims", text); return "rejected"; }
            return ReadMath(claims, Models[c.Seed], "fuzz.claims", text);
        }, seed: 5, count: 2000);

    [Test]
    public void Damaged_pinned_verdicts_load_or_fail_at_a_line_of_the_file() =>
        Fuzzing.Run(FuzzCase.Over(Seeds.Expected.Count), c =>
        {
            var text = FileText.Decode(Damage.Apply(Seeds.Expected[c.Seed], c.Mutations));
            try { ExpectedVerdicts.Parse(text, "fuzz.expected"); return "loaded"; }
            catch (FormatException e)
            {
                var lines = text.Replace("\r\n", "\n").Split('\n').Length;
                var place = System.Text.RegularExpressions.Regex.Match(e.Message, @"^fuzz\.expected:(\d+)(:1)?: ");
                Assert.That(place.Success, e.Message);
                Assert.That(int.Parse(place.Groups[1].Value), Is.InRange(1, lines), e.Message);
                return "rejected";
            }
        }, seed: 6, count: 2500);

    /// <summary>Every piece of math of every claim, read over each regime it names that the model has.</summary>
    static string ReadMath(ClaimDocument claims, ModelDocument model, string file, string text)
    {
        var outcome = "loaded";
        foreach (var claim in claims.Claims)
        foreach (var regime in claim.Regimes.Where(r => model.FindRegime(r) is not null))
        foreach (var math in MathOf(claim))
        {
            var at = new TextPosition(math.Span.Line, math.Span.Column);
            try
            {
                // An expression, else a relation (the pieces of a claim are one or the other).
                try { ExpressionScope.Parse(model, regime, math.Text, at); }
                catch (ParseException) { ExpressionScope.ParseRelation(model, regime, math.Text, at); }
            }
            catch (ParseException e)
            {
                if (text.Length > 0) Expect.PlacedIn($"{file}:{e.Line}:{e.Column}: {e.Message}", e.Line, e.Column, file, text);
                outcome = "math rejected";
            }
            catch (ArgumentException e) when (!e.Message.Contains('\n'))
            {
                outcome = "math rejected";   // a name@regime that does not exist: one line, placed by the checker at the claim
            }
        }
        return outcome;
    }

    static IEnumerable<MathText> MathOf(ClaimDefinition claim) =>
        claim.Where.Concat(claim.With.Select(w => w.Value)).Concat(claim.Assertions.SelectMany(a => a switch
        {
            UniversalAssertion u => [u.Relation],
            ExistsAssertion e => [e.Relation],
            ForAllAssertion f => [f.Lower, f.Upper, f.Relation, .. f.Condition is null ? Array.Empty<MathText>() : [f.Condition]],
            MonotoneAssertion m => [m.Expression, m.Lower, m.Upper],
            LimitAssertion l => [l.Expression, l.Value],
            FormulaAssertion f => [f.Derived, f.Paper],
            _ => Array.Empty<MathText>(),
        }));
}
