namespace Verify.Cli.Deriving;

/// <summary>
/// The human form of 'verify derive': per phase, the selected steps (numbered as in the whole
/// derivation, '*' before those that define the name), then the final form and whether it is
/// closed or implicit. Plain lines, not wrapped, so expressions can be copied whole.
/// </summary>
static class DerivationText
{
    public static void Write(TextWriter w, DerivationReport report, bool latex)
    {
        w.WriteLine($"{report.Name} in regime {report.Regime}{(report.Description is null ? "" : $": {report.Description}")}");
        w.WriteLine(report.Kind switch
        {
            "threshold" => "steps: every step of the threshold's derivation; * marks the step that gives it",
            "expression" => "each name replaced by its derived form in each phase, derivatives taken (implicit function theorem where a name is implicit), simplified",
            _ => "steps: those that mention the name; * marks those that define it (--all shows every step)",
        });
        foreach (var phase in report.Derivations)
        {
            w.WriteLine();
            w.WriteLine($"phase {phase.Phase}{(phase.PhaseDescription is null ? "" : $" ({phase.PhaseDescription})")}");
            foreach (var step in phase.Steps) WriteStep(w, step);
            if (phase.Steps.Count > 0) w.WriteLine();
            WriteResult(w, report.Name, phase, latex);
        }
        if (report.UndefinedIn.Count > 0)
        {
            w.WriteLine();
            w.WriteLine($"{report.Name} is not defined in {string.Join(", ", report.UndefinedIn)}");
        }
    }

    static void WriteStep(TextWriter w, StepReport step)
    {
        w.WriteLine($"{(step.Defines ? "  * " : "    ")}[{step.Number}] {step.Rule}");
        const string Indent = "          ";
        if (step.Before is not null) w.WriteLine($"{Indent}from  {step.Before}");
        if (step.After is not null) w.WriteLine($"{Indent}gives {step.After}");
        if (step.Conditions.Count > 0) w.WriteLine($"{Indent}using {string.Join("; ", step.Conditions)}");
        if (step.Note is not null) w.WriteLine($"{Indent}note  {step.Note}");
    }

    static void WriteResult(TextWriter w, string name, PhaseReport phase, bool latex)
    {
        if (phase.Form is null)
        {
            w.WriteLine($"  result: not derived ({phase.Failure})");
            return;
        }
        var form = phase.Form == "closed" ? "closed form" : "implicit";
        w.WriteLine($"  result, {form} ({phase.Origin}):");
        w.WriteLine($"    {name} = {(latex ? phase.Latex : phase.Value)}");
        foreach (var i in phase.Implicit)
        {
            w.WriteLine($"    where {i.Function} is the {i.Unknown} that solves");
            w.WriteLine($"      {i.Condition}");
            if (i.Domain.Count > 0) w.WriteLine($"      within {string.Join(", ", i.Domain)}");
        }
    }
}
