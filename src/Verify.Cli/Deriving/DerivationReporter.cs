using Verify.Cli.Listing;
using Verify.Cli.Modeling;
using Verify.Derivation;
using Verify.Derivation.Evaluation;
using Verify.Derivation.Results;
using Verify.Derivation.Steps;
using Verify.Model.Language;
using Verify.Symbolic.Core;
using Verify.Symbolic.Presentation;

namespace Verify.Cli.Deriving;

/// <summary>Builds the report of 'verify derive' from a model's derivation.</summary>
sealed class DerivationReporter(ModelDocument model, Notation notation, bool allSteps, Presenter presenter)
{
    const string MentionsSelection = "the steps that mention the name; Defines marks those that define it";
    const string AllSelection = "every step of the phase; Defines marks those that define the name";

    /// <summary>
    /// Checks the request against the model only, so that a typo is reported before the
    /// derivation (which takes seconds) is run. Returns the threshold when the name is one.
    /// </summary>
    public static Threshold? Validate(ModelDocument model, Regime regime, Phase? phase, string name)
    {
        if (model.Parameters.FirstOrDefault(p => p.Symbol.Name == name) is { } parameter)
            throw new ArgumentException($"{name} is a parameter of {model.Name} ({string.Join(", ", parameter.Domain)}), not derived");
        if (model.Derived.FirstOrDefault(d => d.Symbol.Name == name) is { } derived)
            throw new ArgumentException($"{name} is defined directly by the model: {name} = {derived.Definition}");
        var names = ModelLookup.DerivedNames(model, regime);
        if (!names.Contains(name))
            throw new ArgumentException($"'{name}' is not a name of regime {regime.Name}; its names are {string.Join(", ", names)}");
        var threshold = regime.Thresholds.FirstOrDefault(t => t.Symbol.Name == name);
        if (threshold is not null && phase is not null && threshold.Phase is { } home && home != phase.Name)
            throw new ArgumentException($"threshold {name} is derived in phase {home} of {regime.Name}, not in {phase.Name}; drop --phase");
        return threshold;
    }

    public DerivationReport Quantity(RegimeDerivation regime, Phase? only, string name)
    {
        var candidates = only is null ? regime.Phases : regime.Phases.Where(p => p.Phase?.Name == only.Name).ToList();
        var defining = candidates.Where(p => p.Find(name) is not null).ToList();
        var undefined = candidates.Where(p => p.Find(name) is null).Select(p => p.Key).ToList();
        if (defining.Count == 0)
        {
            var elsewhere = regime.Phases.Where(p => p.Find(name) is not null).Select(p => p.Key).ToList();
            throw new ArgumentException($"{name} is not defined in {string.Join(", ", undefined)}"
                + (elsewhere.Count > 0 ? $"; it is defined in {string.Join(", ", elsewhere)}" : ""));
        }
        var description = defining.Select(p => p.Find(name)!.Description).FirstOrDefault(d => d is not null);
        return new DerivationReport(name, regime.Regime.Name, "quantity", description, allSteps ? AllSelection : MentionsSelection,
            defining.Select(p => QuantityInPhase(p, name)).ToList(), undefined);
    }

    public DerivationReport Threshold(RegimeDerivation regime, string name)
    {
        var t = regime.Thresholds.First(x => x.Threshold.Symbol.Name == name);
        var phase = regime.Phases.First(p => p.Key == t.PhaseKey);
        var steps = t.Steps.Select((s, i) => Step(s, i + 1, StepSelection.Gives(s, name), NotationFor(phase))).ToList();
        var implicits = t.Value is null ? [] : Implicits(phase, t.Value);
        var origin = $"{t.Threshold.Left} = {t.Threshold.Right} solved for {t.Threshold.For.Name}";
        var report = new PhaseReport(t.PhaseKey, phase.Phase?.Description, t.Value is null ? null : QuantityListing.FormName(t.Kind),
            origin, t.Value is null ? null : Plain.Show(t.Value), t.Value is null ? null : Latex(phase).Show(t.Value), t.Failure, steps, implicits);
        return new DerivationReport(name, regime.Regime.Name, "threshold", t.Threshold.Description, "every step of the threshold's derivation", [report], []);
    }

    /// <summary>Any expression over the regime's names: its derived form in each combination of phases.</summary>
    public DerivationReport Expression(ModelEvaluator evaluator, RegimeDerivation regime, string text, ExpressionScope.Parsed parsed, Phase? only)
    {
        const string Origin = "each name replaced by its derived form, derivatives taken, simplified";
        var reports = new List<PhaseReport>();
        var undefined = new List<string>();
        foreach (var f in ExpressionForms.Of(evaluator, regime.Regime.Name, parsed, only?.Name))
        {
            var phase = regime.Phases.First(p => f.Phases.StartsWith(p.Key, StringComparison.Ordinal));
            if (f.Form is null) { undefined.Add(f.Phases); continue; }
            reports.Add(new PhaseReport(f.Phases, phase.Phase?.Description, QuantityListing.FormName(f.Kind), Origin,
                Plain.Show(f.Form), Latex(phase).Show(f.Form), null, [], Implicits(phase, f.Form)));
        }
        if (reports.Count == 0)
            throw new ArgumentException($"{text} has no meaning in any phase of {regime.Regime.Name}: {string.Join("; ", undefined)}");
        return new DerivationReport(text, regime.Regime.Name, "expression", null, "none: the expression is not a name of the model", reports, undefined);
    }

    PhaseReport QuantityInPhase(PhaseDerivation phase, string name)
    {
        var value = phase.Find(name)!;
        var printer = NotationFor(phase);
        var steps = phase.Steps
            .Select((s, i) => (Step: s, Number: i + 1))
            .Where(x => allSteps || StepSelection.Mentions(x.Step, name))
            .Select(x => Step(x.Step, x.Number, StepSelection.Defines(x.Step, name), printer))
            .ToList();
        return new PhaseReport(phase.Key, phase.Phase?.Description, QuantityListing.FormName(value.Kind), value.Origin,
            Plain.Show(value.Value), Latex(phase).Show(value.Value), null, steps, Implicits(phase, value.Value));
    }

    static StepReport Step(DerivationStep s, int number, bool defines, Notation printer) =>
        new(number, s.Rule, s.Before is null ? null : printer.Print(s.Before), s.After is null ? null : printer.Print(s.After),
            s.Conditions, s.Note, defines);

    /// <summary>The implicit unknowns a value relies on, as its implicit function call or (in thresholds) its plain symbol.</summary>
    IReadOnlyList<ImplicitReport> Implicits(PhaseDerivation phase, Expr value)
    {
        var printer = NotationFor(phase);
        return phase.ImplicitUnknowns
            .Where(i => value.Any(n => n is Call c && c.Name == i.FunctionName || n.Equals(i.Unknown)))
            .Select(i => new ImplicitReport(i.Unknown.Name, printer.Print(i.Call),
                printer.Print(i.Condition?.AsRelation() ?? new Relation(i.Residual, RelationOperator.Equal, Expr.Zero)),
                i.Domain.Select(printer.Print).ToList()))
            .ToList();
    }

    /// <summary>The chosen notation, with each implicit function of the phase printed in LaTeX as its unknown.</summary>
    Notation NotationFor(PhaseDerivation phase) => WithImplicits(notation, phase);

    Notation Latex(PhaseDerivation phase) => WithImplicits(notation.IsLatex ? notation : Notation.Latex(model), phase).WithPresenter(presenter);

    Notation Plain => Notation.Plain.WithPresenter(presenter);

    static Notation WithImplicits(Notation n, PhaseDerivation phase) =>
        phase.ImplicitUnknowns.Aggregate(n, (acc, i) => acc.LatexOf(i.Unknown.Name) is { } latex ? acc.WithFunction(i.FunctionName, latex) : acc);
}
