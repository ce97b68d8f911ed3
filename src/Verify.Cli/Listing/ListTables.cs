using Spectre.Console;
using Spectre.Console.Rendering;

namespace Verify.Cli.Listing;

/// <summary>
/// The human form of 'verify list': per regime, one row per derived name with its form in each
/// phase (closed, implicit, or — when the phase does not define it), then the thresholds.
/// </summary>
static class ListTables
{
    const string Absent = "—";

    public static void Write(IAnsiConsole console, string model, IReadOnlyList<RegimeListing> regimes)
    {
        console.Profile.Out.Writer.WriteLine($"model {model}: closed = explicit in the parameters; implicit = involves a root found numerically");
        foreach (var regime in regimes)
        {
            console.WriteLine();
            console.Write(Quantities(regime));
            if (regime.Thresholds.Count > 0) console.Write(Thresholds(regime));
        }
    }

    static Table Quantities(RegimeListing regime)
    {
        var table = new Table().Border(TableBorder.Simple)
            .Title(new TableTitle(Title(regime), new Style(decoration: Decoration.Bold)));
        table.AddColumn("name");
        var phased = regime.Phases.Count > 1 || regime.Phases[0].Name is not null;
        foreach (var p in regime.Phases) table.AddColumn(phased ? $"phase {p.Name}" : "form");
        table.AddColumn("description");

        var names = regime.Phases.SelectMany(p => p.Quantities.Select(q => q.Name)).Distinct().ToList();
        foreach (var name in names)
        {
            var cells = new List<IRenderable> { new Text(name) };
            foreach (var p in regime.Phases)
                cells.Add(p.Quantities.FirstOrDefault(q => q.Name == name) is { } q ? Form(q.Form) : new Text(Absent));
            var first = regime.Phases.SelectMany(p => p.Quantities).Where(q => q.Name == name).ToList();
            var description = first.Select(q => q.Description).FirstOrDefault(d => d is not null) ?? first[0].Origin;
            cells.Add(new Text(description));
            table.AddRow(cells);
        }
        return table;
    }

    static Table Thresholds(RegimeListing regime)
    {
        var table = new Table().Border(TableBorder.Simple)
            .Title(new TableTitle($"thresholds of {regime.Name}", new Style(decoration: Decoration.Bold)));
        foreach (var c in new[] { "name", "phase", "form", "value", "description" }) table.AddColumn(c);
        foreach (var t in regime.Thresholds)
            table.AddRow(new Text(t.Name), new Text(t.Phase), t.Form is null ? new Text("not derived", Color.Red) : Form(t.Form),
                new Text(t.Value ?? t.Failure ?? ""), new Text(t.Description ?? ""));
        return table;
    }

    static string Title(RegimeListing regime) => regime.Description is null ? regime.Name : $"{regime.Name}: {regime.Description}";

    static Text Form(string form) => new(form, form == "closed" ? Color.Green : Color.Yellow);
}
