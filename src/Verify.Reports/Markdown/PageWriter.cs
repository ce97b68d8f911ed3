using System.Text;
using Verify.Reports.Content;

namespace Verify.Reports.Markdown;

/// <summary>
/// One Result's page in Markdown: each claim (quote, reading, formalisation, verdicts with their
/// evidence and counterexamples, formulas beside the paper's, figures, links to its
/// derivations), then the derivations once each, every step with its relations in LaTeX.
/// </summary>
public static class PageWriter
{
    public static string Write(PageView page, string header)
    {
        var sb = new StringBuilder();
        sb.Append($"# {Md.Text(page.Title)}\n\n");
        sb.Append(header).Append("\n\n");
        sb.Append("Claims on this page: ")
          .Append(string.Join(", ", page.Claims.Select(c => $"[{Md.Text(c.Id)}](#{Md.ClaimAnchor(c.Id)})")))
          .Append(page.Figures.Count > 0 ? ". Figures and derivations: [below](#figures).\n\n" : ". Derivations: [below](#derivations).\n\n");
        foreach (var claim in page.Claims) Claim(sb, claim);
        if (page.Figures.Count > 0)
        {
            sb.Append("<a id=\"figures\"></a>\n\n## Figures\n\n");
            foreach (var f in page.Figures) sb.Append($"![{Md.Text(f.Caption)}]({f.File})\n\n*{Md.Text(f.Caption)}*\n\n");
        }
        sb.Append("<a id=\"derivations\"></a>\n\n## Derivations\n\n");
        sb.Append("Every step of each phase the claims above use, as the engine took it: the rule, the relation before and after, ")
          .Append("and the side conditions it proved on the way. Then the final forms of the quantities the claims use and of those they are built on.\n\n");
        foreach (var d in page.Derivations) Derivation(sb, d);
        return sb.ToString().TrimEnd('\n') + "\n";
    }

    static void Claim(StringBuilder sb, ClaimView c)
    {
        sb.Append(Md.Anchor(Md.ClaimAnchor(c.Id))).Append("\n\n");
        sb.Append($"## {Md.Text(c.Id)}\n\n");
        if (c.Quote is not null) sb.Append($"> {Md.Text(c.Quote)}\n\n");
        if (c.Reading is not null) sb.Append($"**Reading.** {Md.Text(c.Reading)}\n\n");
        sb.Append("**Formalisation.**\n\n");
        foreach (var line in c.Formalisation) sb.Append("- ").Append(Md.Segments(line)).Append('\n');
        sb.Append('\n');
        Verdicts(sb, c);
        if (c.Formulas.Count > 0) Formulas(sb, c);
        if (c.Derivations.Count > 0)
            sb.Append("**Derivations used:** ")
              .Append(string.Join(", ", c.Derivations.Select(d => $"[{Md.Text(d.Title)}](#{d.Anchor})")))
              .Append(".\n\n");
        foreach (var f in c.Figures)
            sb.Append($"![{Md.Text(f.Caption)}]({f.File})\n\n*{Md.Text(f.Caption)}*\n\n");
    }

    static void Verdicts(StringBuilder sb, ClaimView c)
    {
        sb.Append("| claim | verdict | pinned | draws |\n|---|---|---|---|\n");
        foreach (var v in c.Verdicts)
            sb.Append($"| {Md.Text(v.Key)} | **{v.Verdict}** | {v.Pinned ?? "none"} | {v.Draws} |\n");
        sb.Append('\n');
        foreach (var v in c.Verdicts)
        {
            sb.Append($"**Evidence ({Md.Text(v.Regime)}).** {Md.Text(v.Evidence)}\n\n");
            if (v.Details.Count > 1)
                foreach (var d in v.Details) sb.Append("- ").Append(Md.Text(d)).Append('\n');
            if (v.Details.Count > 1) sb.Append('\n');
            if (v.Counterexample.Count > 0)
            {
                var what = v.Verdict == "refuted" ? "Counterexample" : "Point";
                sb.Append($"{what}: ").Append(string.Join(", ", v.Counterexample.Select(p => Md.Code($"{p.Name} = {p.Value}")))).Append(".\n\n");
            }
        }
    }

    static void Formulas(StringBuilder sb, ClaimView c)
    {
        if (c.Formulas.Any(f => f.Paper is not null)) sb.Append("**Derived formula beside the paper's.**\n\n");
        foreach (var f in c.Formulas.Where(f => f.Paper is not null))
        {
            if (f.DerivedForm is null)
            {
                sb.Append($"In {Md.Text(f.Regime)}: not derived ({Md.Text(f.Failure ?? "")}).\n\n");
                continue;
            }
            sb.Append($"In {Md.Text(f.Regime)} (in {Md.Text(f.Phases)}), derived:\n");
            Md.Display(sb, $"{f.Derived} = {f.DerivedForm}");
            sb.Append($"The paper's{(f.UpToPositiveFactor ? " (up to a positive factor)" : "")}:\n");
            Md.Display(sb, $"{f.Derived} = {f.Paper}");
        }
        if (c.Formulas.Any(f => f.Paper is null)) sb.Append("**Derivatives the claim takes, derived.**\n\n");
        foreach (var f in c.Formulas.Where(f => f.Paper is null))
        {
            if (f.DerivedForm is null) { sb.Append($"In {Md.Text(f.Regime)}: not derived ({Md.Text(f.Failure ?? "")}).\n\n"); continue; }
            sb.Append($"In {Md.Text(f.Regime)} (in {Md.Text(f.Phases)}):\n");
            Md.Display(sb, $"{f.Derived} = {f.DerivedForm}");
        }
    }

    static void Derivation(StringBuilder sb, DerivationView d)
    {
        sb.Append(Md.Anchor(d.Anchor)).Append("\n\n");
        sb.Append($"### {Md.Text(d.Title)}\n\n");
        if (d.Description is not null) sb.Append($"*{Md.Text(d.Description)}*\n\n");
        foreach (var s in d.Steps)
        {
            sb.Append($"**Step {s.Number}{(s.Defines ? " (gives a result below)" : "")}.** {Md.Text(s.Rule)}\n");
            if (s.Before is not null) { sb.Append("\nFrom\n"); Md.Display(sb, s.Before); }
            if (s.After is not null) { sb.Append(s.Before is null ? "\nThis gives\n" : "which gives\n"); Md.Display(sb, s.After); }
            if (s.Before is null && s.After is null) sb.Append('\n');
            if (s.Conditions.Count > 0)
                sb.Append("Side conditions: ").Append(string.Join("; ", s.Conditions.Select(Md.Code))).Append(".\n\n");
            if (s.Note is not null) sb.Append($"Note: {Md.Text(s.Note)}\n\n");
        }
        sb.Append("**Final forms.**\n\n");
        foreach (var r in d.Results)
        {
            var what = r.Description is null ? "" : $" ({Md.Text(r.Description)})";
            if (r.Form is null) { sb.Append($"{Md.Inline(r.NameLatex)}{what}: not derived — {Md.Text(r.Failure ?? "")}\n\n"); continue; }
            sb.Append($"{Md.Inline(r.NameLatex)}{what}, {r.Kind}:\n");
            Md.Display(sb, $"{r.NameLatex} = {r.Form}");
        }
        foreach (var i in d.Implicits)
        {
            sb.Append($"where {Md.Inline(i.Unknown)} is the root of\n");
            Md.Display(sb, i.Condition);
            if (i.Domain.Count > 0) sb.Append("within ").Append(string.Join(", ", i.Domain.Select(Md.Inline))).Append(".\n\n");
        }
    }
}
