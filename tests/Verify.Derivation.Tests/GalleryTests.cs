using System.Collections.Concurrent;
using System.Globalization;
using NUnit.Framework;
using Verify.Claims.Checking;
using Verify.Claims.Sampling;
using Verify.Derivation.Evaluation;
using Verify.Derivation.Results;
using Verify.Model.Claims;
using Verify.Model.Language;
using Verify.Numerics;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Tests;

/// <summary>
/// The gallery (src/Models/gallery: textbook models of the family, written from their published
/// equations, without hints) and two edits of the bundled model as a user would write them
/// (src/Models/variants: separate-export-cost, start-up-cost-south, without hints), each derived
/// unaided and judged three ways:
/// 1. every name the published solution gives in closed form is derived in closed form
///    (for the variants: every name the bundled model derives in closed form);
/// 2. every 'formula' assert (the gallery's .claims files; for the variants, the hand-derived
///    forms below) holds: a symbolic identity in each phase met, or else equality at every
///    admissible draw (fixed seed) where both sides can be evaluated, with enough such draws;
///    and the derived side is closed (no implicit root in it);
/// 3. the derived values agree with the first-principles solver (quadrature and Newton on the
///    conditions as written) at fixed-seed admissible draws, in the same phase.
/// These tests judge the derivation engine: where the engine cannot yet derive a model they fail,
/// and the failure says what stayed implicit or what could not be evaluated.
/// </summary>
public class GalleryTests
{
    const ulong Seed = 2025_0909UL;
    const int FormulaDraws = 1000;
    /// <summary>A formula assert must be compared at this many admissible draws at least.</summary>
    const int FormulaMinimum = 100;
    const int CrossCheckDraws = 200;
    /// <summary>The variants repeat the bundled model's regimes, whose raw systems are slow to solve: fewer draws.</summary>
    const int VariantCrossCheckDraws = 40;
    /// <summary>
    /// First principles are compared this far (absolute) inside each bound of a parameter's domain:
    /// with k - (sigma - 1) near 0 the raw market integrals are nearly singular, and with phi near 1
    /// the forms divide by 1 - phi, so the raw solver, not the derivation, sets the accuracy there
    /// (as in the bundled cross-check: rho > sigma - 1 + 0.05, phi < 0.98).
    /// </summary>
    const double EdgeMargin = 0.05;
    const double Tolerance = 1e-8;

    public static readonly string[] Models =
    [
        "gallery/footloose-capital",
        "gallery/melitz-closed",
        "gallery/melitz-open",
        "gallery/hmy-2004",
        "gallery/melitz-ottaviano-2008",
        "gallery/krugman-1980",
        "variants/separate-export-cost",
        "variants/start-up-cost-south",
    ];

    /// <summary>
    /// What the published solution has in closed form, by phase key (regime or regime.phase), and
    /// the thresholds it derives in closed form (regime:threshold). The variants are judged against
    /// the bundled model instead (see <see cref="ExpectedClosed"/>).
    /// </summary>
    static readonly Dictionary<string, (Dictionary<string, string[]> Names, string[] Thresholds)> Published = new()
    {
        ["gallery/footloose-capital"] = (new()
        {
            ["equilibrium.interior"] = ["sn", "B", "Bstar", "pi", "pistar"],
            ["equilibrium.agglomerated"] = ["sn", "B", "Bstar", "pi", "pistar"],
        }, ["equilibrium:phiS"]),
        ["gallery/melitz-closed"] = (new() { ["autarky"] = ["aD", "B", "M", "Me", "W", "rbar"] }, []),
        ["gallery/melitz-open"] = (new() { ["trade"] = ["aD", "aX", "B", "Me", "M", "sX", "W", "lambda"] }, []),
        ["gallery/hmy-2004"] = (new() { ["trade"] = ["aD", "aX", "aI", "B", "Me", "sXI"] }, []),
        ["gallery/melitz-ottaviano-2008"] = (new() { ["autarky"] = ["cD", "N", "pbar", "cbar", "mubar", "varp", "U"] }, []),
        ["gallery/krugman-1980"] = (new()
        {
            ["trade.interior"] = ["n", "nstar", "B", "Bstar", "nw", "sn"],
            ["trade.agglomerated"] = ["n", "nstar", "B", "Bstar", "nw", "sn"],
        }, ["trade:phiS"]),
    };

    /// <summary>
    /// The variants' closed forms, worked out by hand from their conditions (beta = rho/(sigma - 1)):
    /// with fX of its own the free-entry pair gives aD^rho = (beta - 1) fI/(f (1 + theta)),
    /// theta = phi^beta (f/fX)^(beta - 1), and the thresholds gain the factor (fX/f)^(1 - 1/beta)
    /// (as with fX = kX*fD in separate-beachhead-costs.model); with fIS in the South the pair is
    /// solved by aD^rho = (beta - 1)(fI - phi^beta fIS)/(f (1 - phi^(2 beta))) (issue 9).
    /// They are not in .claims files beside the variants, so that 'verify compare' keeps
    /// checking the bundled claims against them.
    /// </summary>
    static readonly Dictionary<string, string> VariantForms = new()
    {
        ["variants/separate-export-cost"] = """
            claims for baldwin-okubo-2014-fx
            claim V.entry-cutoffs
              regime entry
              where sn < 1
              assert formula aD^rho = (beta - 1)*fI/(f*(1 + phi^beta*(f/fX)^(beta - 1)))
              assert formula aDstar^rho = (beta - 1)*fI/(f*(1 + phi^beta*(f/fX)^(beta - 1)))
              assert formula aX = aDstar*(phi*f/fX)^(1/(sigma - 1))
            end
            claim V.hme
              regime entry
              where sn < 1
              assert formula diff(sn, sE) = (1 + phi^beta*(f/fX)^(beta - 1))/(1 - phi^beta*(f/fX)^(beta - 1))
            end
            claim V.thresholds-entry
              regime relocation-entry
              assert formula phiP = (1 - sE)/sE
              assert formula phiS = (fX/f)^(1 - 1/beta)*((1 - sE)/sE)^(1/beta)
            end
            claim V.thresholds-frozen
              regime relocation
              assert formula phiP = (1 - sE)/sE
              assert formula phiS = (fX/f)^(1 - 1/beta)*(1 - sE)^(1/beta)/sE
            end
            """,
        ["variants/start-up-cost-south"] = """
            claims for baldwin-okubo-2014-fis
            claim V.autarky-cutoffs
              regime autarky
              assert formula aD^rho = (beta - 1)*fI/f
              assert formula aDstar^rho = (beta - 1)*fIS/f
            end
            claim V.entry-cutoffs
              regime entry
              where sn < 1
              assert formula aD^rho = (beta - 1)*(fI - phi^beta*fIS)/(f*(1 - phi^(2*beta)))
              assert formula aDstar^rho = (beta - 1)*(fIS - phi^beta*fI)/(f*(1 - phi^(2*beta)))
            end
            """,
    };

    // ---------------------------------------------------------------- loading and deriving

    sealed record Derived(string Name, ModelDocument Model, ModelDerivation? Derivation, string? Failure);

    static readonly ConcurrentDictionary<string, Lazy<Derived>> Cache = new();

    static Derived Load(string name) => Cache.GetOrAdd(name, n => new Lazy<Derived>(() =>
    {
        var model = ModelLoader.Load(ModelPath(n));
        try { return new Derived(n, model, ModelDeriver.Derive(model), null); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Derived(n, model, null, $"{e.GetType().Name}: {e.Message}");
        }
    })).Value;

    static readonly Lazy<ModelDerivation> Bundled = new(() => Support.Bundled.Derivation);

    static string ModelPath(string name) => Path.Combine(RepositoryRoot.Value, "src", "Models", name.Replace('/', Path.DirectorySeparatorChar) + ".model");

    static readonly Lazy<string> RepositoryRoot = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Verify.sln"))) return dir.FullName;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Verify.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("cannot find the repository (Verify.sln) above the test's folder");
    });

    static ModelDerivation Derivation(string name)
    {
        var d = Load(name);
        Assert.That(d.Failure, Is.Null, $"{name}: the derivation failed");
        return d.Derivation!;
    }

    // ---------------------------------------------------------------- 1. closed forms

    static (Dictionary<string, string[]> Names, string[] Thresholds) ExpectedClosed(string name)
    {
        if (Published.TryGetValue(name, out var published)) return published;
        // A variant: every name the bundled model derives in closed form, phase by phase.
        var names = new Dictionary<string, string[]>();
        var thresholds = new List<string>();
        foreach (var regime in Bundled.Value.Regimes)
        {
            foreach (var phase in regime.Phases)
                names[phase.Key] = phase.Values.Values.Where(v => v.Kind == FormKind.Closed).Select(v => v.Symbol.Name).ToArray();
            thresholds.AddRange(regime.Thresholds.Where(t => t.Value is not null && t.Kind == FormKind.Closed).Select(t => $"{regime.Regime.Name}:{t.Threshold.Symbol.Name}"));
        }
        return (names, thresholds.ToArray());
    }

    [TestCaseSource(nameof(Models))]
    public void DerivesInClosedFormUnaided(string name)
    {
        Assert.That(File.ReadAllLines(ModelPath(name)).Any(l => l.TrimStart().StartsWith("hint ", StringComparison.Ordinal)), Is.False,
            $"{name} has hint lines: the gallery is derived unaided");
        var derivation = Derivation(name);
        var (names, thresholds) = ExpectedClosed(name);
        var problems = new List<string>();
        foreach (var (key, expected) in names)
        {
            var phase = derivation.Regimes.SelectMany(r => r.Phases).FirstOrDefault(p => p.Key == key);
            if (phase is null) { problems.Add($"{key}: no such phase derived"); continue; }
            var implicitNames = expected.Where(n => phase.Find(n) is not { Kind: FormKind.Closed }).ToList();
            if (implicitNames.Count > 0)
                problems.Add($"{key}: implicit {string.Join(", ", implicitNames)}{ImplicitReason(phase)}");
        }
        foreach (var t in thresholds)
        {
            var (regime, threshold) = (t.Split(':')[0], t.Split(':')[1]);
            var derived = derivation.Regime(regime)?.Thresholds.FirstOrDefault(x => x.Threshold.Symbol.Name == threshold);
            if (derived is null) problems.Add($"{t}: no such threshold");
            else if (derived.Value is null) problems.Add($"{t}: not derived ({derived.Failure})");
            else if (derived.Kind != FormKind.Closed) problems.Add($"{t}: implicit");
        }
        foreach (var p in problems) TestContext.Out.WriteLine(p);
        Assert.That(problems, Is.Empty, $"{name}: names the published solution has in closed form");
    }

    /// <summary>Which unknowns the phase leaves to a root, and the step that gave up on the first.</summary>
    static string ImplicitReason(PhaseDerivation phase)
    {
        if (phase.ImplicitUnknowns.Count == 0) return "";
        var roots = string.Join(", ", phase.ImplicitUnknowns.Select(u => u.Unknown.Name));
        var first = phase.ImplicitUnknowns[0].Unknown.Name;
        var step = phase.Steps.Select(s => s.ToString()).FirstOrDefault(s => s.Contains($"{first} has no closed form", StringComparison.Ordinal));
        var reason = step is null ? "" : $"; {step.Split('\n')[0]}";
        return $" (roots found numerically: {roots}{reason})";
    }

    // ---------------------------------------------------------------- 2. formulas

    static ClaimDocument? FormulaClaims(string name, ModelDocument model)
    {
        if (VariantForms.TryGetValue(name, out var text)) return ClaimsLoader.LoadText(text, Path.GetFileName(name) + ".forms.claims", model.Name);
        var path = Path.ChangeExtension(ModelPath(name), ".claims");
        return File.Exists(path) ? ClaimsLoader.Load(path, model.Name) : null;
    }

    [TestCaseSource(nameof(Models))]
    public void FormulaClaimsHold(string name)
    {
        var derivation = Derivation(name);
        var claims = FormulaClaims(name, Load(name).Model);
        Assert.That(claims, Is.Not.Null, $"{name}: no claims file beside the model");
        var evaluator = new ModelEvaluator(derivation);
        var implicitNames = derivation.Regimes.SelectMany(r => r.Phases).SelectMany(p => p.ImplicitUnknowns).Select(u => u.FunctionName).ToHashSet();
        var problems = new List<string>();
        int formulas = 0;
        foreach (var claim in claims!.Claims)
            foreach (var regime in claim.Regimes)
                foreach (var assertion in claim.Assertions.OfType<FormulaAssertion>())
                {
                    formulas++;
                    var label = $"{claim.Id}@{regime}: {assertion.Derived.Text} = {assertion.Paper.Text}";
                    string? problem;
                    try { problem = CheckFormula(evaluator, claim, regime, assertion, implicitNames, out var note); TestContext.Out.WriteLine($"{label}: {note}"); }
                    catch (Exception e) when (e is not OutOfMemoryException and not AssertionException)
                    {
                        problem = $"cannot be checked: {e.GetType().Name}: {e.Message}";
                    }
                    if (problem is not null) problems.Add($"{label}: {problem}");
                }
        Assert.That(formulas, Is.GreaterThan(0), $"{name}: no formula asserts");
        foreach (var p in problems) TestContext.Out.WriteLine("FAIL " + p);
        Assert.That(problems, Is.Empty, $"{name}: formula asserts");
    }

    /// <summary>
    /// One formula assert: symbolically (identity in each phase met), else numerically at the claim's
    /// admissible draws. Returns the problem, or null; <paramref name="note"/> says how it was decided.
    /// </summary>
    static string? CheckFormula(ModelEvaluator evaluator, ClaimDefinition claim, string regime, FormulaAssertion assertion,
        IReadOnlySet<string> implicitNames, out string note)
    {
        var setting = new ClaimSetting(evaluator, claim, regime);
        var parsedDerived = setting.ParseExpression(assertion.Derived);
        var parsedPaper = setting.ParseExpression(assertion.Paper);
        var derived = new QuantityExpression(evaluator, regime, parsedDerived.Expr, parsedDerived.Aliases, setting.Reparametrise);
        var paper = new QuantityExpression(evaluator, regime, parsedPaper.Expr, parsedPaper.Aliases, setting.Reparametrise);
        var oracle = evaluator.Derivation.Context.Oracle;

        int compared = 0, failures = 0, nonFinite = 0;
        string? firstFailure = null, firstMismatch = null;
        var phases = new Dictionary<string, int[]>();
        CounterexampleSearch.Run(setting, (drawn, inputs) =>
        {
            double x, y;
            try
            {
                var at = derived.PhasesAt(inputs);
                phases.TryAdd(string.Join("|", at), at);
                x = derived.Evaluate(inputs);
                y = paper.Evaluate(inputs);
            }
            catch (NumericFailure e) { failures++; firstFailure ??= e.Message; return true; }
            if (!double.IsFinite(x) || !double.IsFinite(y))
            {
                // Overflow of one side's written form at extreme draws (exponents 1/(sigma - 1) with sigma near 1).
                nonFinite++;
                return true;
            }
            compared++;
            if (!(Math.Abs(x - y) <= Tolerance * Math.Max(1e-12, Math.Max(Math.Abs(x), Math.Abs(y)))))
                firstMismatch ??= $"derived {x:R}, published {y:R} at {Describe(setting, inputs)}";
            return true;
        }, FormulaDraws, Seed);

        // Symbolically, in each phase met: identity, and no implicit root in the derived side.
        var identities = new List<string>();
        var implicitIn = new List<string>();
        foreach (var combination in phases.Values)
        {
            var d = derived.InPhases(combination);
            var p = paper.InPhases(combination.Take(paper.Regimes.Count).ToArray());
            if (d.Any(n => n is Call c && implicitNames.Contains(c.Name))) implicitIn.Add(PhaseNames(evaluator, derived, combination));
            var difference = Simplifier.Simplify(Expr.Sub(d, p), oracle);
            identities.Add(Identity.IsZero(difference, oracle, numeric: false).Status == ZeroStatus.Zero ? "identity" : "not proved identical");
        }

        note = $"{compared} draws compared, {failures} not evaluable{(firstFailure is null ? "" : $" (e.g. {firstFailure})")}, {nonFinite} non-finite; " +
               $"symbolically: {(identities.Count == 0 ? "no phase met" : string.Join(", ", identities.Distinct()))}";
        if (firstMismatch is not null) return $"differs: {firstMismatch}";
        if (implicitIn.Count > 0) return $"the derived side involves an implicit root in {string.Join(", ", implicitIn)} ({note})";
        if (identities.Count > 0 && identities.All(i => i == "identity")) return null;
        if (compared < FormulaMinimum) return $"compared at only {compared} of {FormulaDraws} draws ({note})";
        return null;
    }

    static string PhaseNames(ModelEvaluator evaluator, QuantityExpression q, int[] combination) =>
        string.Join("|", q.Regimes.Select((r, i) => evaluator.Regime(r).Phases[combination[i]].Phase.Key));

    static string Describe(ClaimSetting s, double[] inputs) => string.Join(", ",
        s.Model.Inputs.Select((p, i) => (p, v: inputs[i])).Where(t => !double.IsNaN(t.v)).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.p.Name}={t.v:R}")));

    // ---------------------------------------------------------------- 3. first principles

    [TestCaseSource(nameof(Models))]
    public void DerivedValuesMatchFirstPrinciples(string name)
    {
        var derivation = Derivation(name);
        var model = Load(name).Model;
        var evaluator = new ModelEvaluator(derivation);
        var space = new ParameterSpace(evaluator);
        var raw = model.Regimes.ToDictionary(r => r.Name, r => RegimeSystems.Prepare(model, r));
        var report = new List<string>();
        var problems = new List<string>();
        foreach (var regime in model.Regimes)
        {
            var tally = new Tally();
            CrossCheckRunner.Check(space.Generator, drawn =>
            {
                tally.Draws++;
                Compare(model, evaluator, space, raw, regime, drawn, tally);
                return true;
            }, Seed, name.StartsWith("variants/", StringComparison.Ordinal) ? VariantCrossCheckDraws : CrossCheckDraws, $"{name}: cross-check of {regime.Name}");
            report.Add($"{regime.Name}: {tally}");
            // The first-principles solver alone failing is its own limit (extreme fixed costs): up to 5%, reported.
            var rawOnly = tally.Failures.Count(f => f.StartsWith("raw at", StringComparison.Ordinal));
            var derivedSide = tally.Failures.Count - rawOnly;
            if (derivedSide > Math.Max(1, tally.Draws / 100) || rawOnly > Math.Max(1, tally.Draws / 20))
                problems.Add($"{regime.Name}: {tally.Failures.Count} of {tally.Draws} draws failed ({rawOnly} on the first-principles side only), e.g. {string.Join(" | ", tally.Failures.Take(3))}");
            if (tally.Disagreements.Count > 0)
                problems.Add($"{regime.Name}: {tally.Disagreements.Count} disagreements, e.g. {string.Join(" | ", tally.Disagreements.Take(3))}");
        }
        foreach (var r in report) TestContext.Out.WriteLine(r);
        foreach (var p in problems) TestContext.Out.WriteLine("FAIL " + p);
        Assert.That(problems, Is.Empty, $"{name}: derived values against first principles");
    }

    sealed class Tally
    {
        public int Draws, Compared, NoEquilibrium, Unpinned, NearEdge;
        public double Worst;
        public readonly Dictionary<string, int> Phases = [];
        public readonly List<string> Failures = [], Disagreements = [];
        public override string ToString() =>
            $"{Draws} draws ({NearEdge} within {EdgeMargin} of a bound, not compared), {Compared} compared ({string.Join(", ", Phases.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}), " +
            $"{NoEquilibrium} with no equilibrium on either side, {Failures.Count} failures, {Disagreements.Count} disagreements, " +
            $"{Unpinned} values not pinned by the raw conditions; worst relative difference {Worst:E2}";
    }

    const double Pinned = Tolerance / 10;

    static void Compare(ModelDocument model, ModelEvaluator evaluator, ParameterSpace space, Dictionary<string, PreparedRegime> raw,
        Regime regime, double[] drawn, Tally tally)
    {
        var inputs = space.Inputs(drawn);
        if (inputs is null) return;
        var parameters = model.Parameters.ToDictionary(p => p.Symbol, p => inputs[evaluator.Inputs.ToList().IndexOf(p.Symbol)]);
        if (NearLowerBound(model, parameters)) { tally.NearEdge++; return; }
        var at = Describe(evaluator, inputs);
        var options = SolveOptions.Default with { EstimateUncertainty = true, Restarts = 0 };
        var thorough = options with { Restarts = 40 };

        // Values carried from earlier regimes, solved from first principles; a firm's cost a for the
        // quantities that depend on it: 0.3 times the autarky cut-off when there is one.
        var carried = new Dictionary<Symbol, double>();
        foreach (var source in regime.Carried.Select(c => c.FromRegime).Distinct())
        {
            var solved = Solve(raw[source], parameters, null, options, thorough, null);
            if (!solved.Success) { tally.Failures.Add($"raw {source} (carried) at {at}: {solved.Solution.FailureReason}"); return; }
            foreach (var (s, v) in solved.Equilibrium!) carried[s] = v;
        }
        double? a = null;
        if (model.Variable is not null && model.FindRegime("autarky") is { } autarky && autarky.Unknowns.Any(u => u.Symbol.Name == "aD"))
        {
            var aut = Solve(raw["autarky"], parameters, null, options, thorough, null);
            if (aut.Success) a = 0.3 * aut["aD"];
        }
        if (a is { } cost) inputs[evaluator.Inputs.Count - 1] = cost;

        EquilibriumPoint? derived = null;
        string? derivedFailure = null;
        try { derived = evaluator.Regime(regime.Name).Evaluate(inputs); }
        catch (NumericFailure e) { derivedFailure = e.Message; }
        // A derived form that names a value the derivation never gave (the engine's failure, not the point's).
        catch (Verify.Symbolic.Numbers.EvaluationException e) { derivedFailure = $"the derived forms cannot be compiled: {e.Message}"; }

        var guess = options with { InitialGuess = carried.Count > 0 ? carried : null };
        var rawSolved = Solve(raw[regime.Name], parameters, carried.Count > 0 ? carried : null, guess, thorough with { InitialGuess = guess.InitialGuess }, a);
        if (derived is null && !rawSolved.Success)
        {
            // Both sides find no phase that holds: no equilibrium of the model as written here. Only when the
            // derivation says so; a derivation that cannot evaluate its own forms is a failure.
            // A root that is not in the unknown's domain at all ("no sign change" over it) is the same finding.
            if (derivedFailure!.Contains("no phase of", StringComparison.Ordinal) || derivedFailure.Contains("has no sign change on", StringComparison.Ordinal))
            { tally.NoEquilibrium++; return; }
            tally.Failures.Add($"derived and raw at {at}: {derivedFailure} | raw: {string.Join(" | ", rawSolved.Attempts)}");
            return;
        }
        if (derived is null) { tally.Failures.Add($"derived at {at}: {derivedFailure}"); return; }
        if (!rawSolved.Success) { tally.Failures.Add($"raw at {at}: {string.Join(" | ", rawSolved.Attempts)} (derived {derived.PhaseKey})"); return; }

        var rawKey = rawSolved.System.Phase is null ? regime.Name : $"{regime.Name}.{rawSolved.System.Phase.Name}";
        var notes = new List<string>();
        if (rawKey != derived.PhaseKey)
        {
            // The quick raw search may miss a phase's root: solve the derived phase thoroughly.
            var phase = regime.Phases.First(p => $"{regime.Name}.{p.Name}" == derived.PhaseKey);
            var system = raw[regime.Name].System(phase);
            var again = system.Solve(parameters, carried.Count > 0 ? carried : null, thorough with { InitialGuess = guess.InitialGuess }, a);
            if (!again.Success)
            {
                // Cut-offs below 1e-12 (aX near 1e-20 when fX is hundreds of times f) are beyond the raw
                // solver's absolute tolerances: it cannot find that root, which is no evidence against it.
                if (derived.Values.Values.Any(v => v != 0 && Math.Abs(v) < 1e-12)) { tally.Unpinned++; return; }
                tally.Disagreements.Add($"phase at {at}: derived {derived.PhaseKey}, raw {rawKey} ({derived.PhaseKey} has no raw root)");
                return;
            }
            var loose = phase.When.SelectMany(r => r.Left.FreeSymbols().Concat(r.Right.FreeSymbols())).Select(s => s.Name).Distinct()
                .Where(n => Uncertainty(again, n) > Pinned).ToList();
            if (!system.WhenHolds(again) && loose.Count == 0)
            {
                tally.Disagreements.Add($"phase at {at}: derived {derived.PhaseKey}, raw {rawKey} (the 'when' of {derived.PhaseKey} fails at its raw root)");
                return;
            }
            rawSolved = again;
        }
        tally.Compared++;
        tally.Phases[derived.PhaseKey] = tally.Phases.GetValueOrDefault(derived.PhaseKey) + 1;
        foreach (var (n, value) in derived.Values)
        {
            if (!rawSolved.Equilibrium!.Any(kv => kv.Key.Name == n)) continue;   // e.g. a quantity the raw side cannot evaluate without a
            var expected = rawSolved[n];
            if (Uncertainty(rawSolved, n) > Pinned) { tally.Unpinned++; continue; }
            var scale = Math.Max(Math.Abs(expected), 1e-12);
            // The relocation gain is a difference of two firm values that is zero when B = B*: rounding is relative to them.
            if (n == "gain" && a is { } c && rawSolved.Equilibrium!.Any(kv => kv.Key.Name == "B"))
                scale = Math.Max(scale, (Math.Abs(rawSolved["B"]) + Math.Abs(rawSolved["Bstar"])) * Math.Pow(c, 1 - parameters.First(p => p.Key.Name == "sigma").Value));
            var relative = Math.Abs(value - expected) / scale;
            if (!(relative <= Tolerance)) notes.Add($"{n}: derived {value:R}, raw {expected:R} (relative {relative:E2})");
            else tally.Worst = Math.Max(tally.Worst, relative);
        }
        if (notes.Count > 0) tally.Disagreements.Add($"{derived.PhaseKey} at {at}: {string.Join("; ", notes)}");
    }

    /// <summary>True when a parameter lies within <see cref="EdgeMargin"/> of a bound of its domain.</summary>
    static bool NearLowerBound(ModelDocument model, IReadOnlyDictionary<Symbol, double> parameters)
    {
        foreach (var p in model.Parameters)
            foreach (var r in p.Domain)
            {
                // p > bound (below it: the distance is p - bound) or p < bound (bound - p).
                (Expr? bound, double sign) = r.Operator switch
                {
                    RelationOperator.Greater or RelationOperator.GreaterOrEqual when r.Left.Equals(p.Symbol) => (r.Right, 1.0),
                    RelationOperator.Less or RelationOperator.LessOrEqual when r.Right.Equals(p.Symbol) => (r.Left, 1.0),
                    RelationOperator.Less or RelationOperator.LessOrEqual when r.Left.Equals(p.Symbol) => (r.Right, -1.0),
                    RelationOperator.Greater or RelationOperator.GreaterOrEqual when r.Right.Equals(p.Symbol) => (r.Left, -1.0),
                    _ => (null, 0.0),
                };
                // A scale parameter near 0 (f > 0) is no singular edge.
                if (bound is null || bound.Equals(Expr.Zero) || bound.FreeSymbols().Any(s => !parameters.ContainsKey(s))) continue;
                if (sign * (parameters[p.Symbol] - Verify.Symbolic.Numbers.Evaluator.Evaluate(bound, parameters)) < EdgeMargin) return true;
            }
        return false;
    }

    static RegimeSolution Solve(PreparedRegime regime, IReadOnlyDictionary<Symbol, double> parameters, IReadOnlyDictionary<Symbol, double>? carried,
        SolveOptions quick, SolveOptions thorough, double? a)
    {
        var solved = regime.Solve(parameters, carried, quick, a);
        return solved.Success ? solved : regime.Solve(parameters, carried, thorough, a);
    }

    static double Uncertainty(RegimeSolution solved, string name) =>
        solved.Solution.Uncertainty?.FirstOrDefault(kv => kv.Key.Name == name).Value ?? 0;

    static string Describe(ModelEvaluator evaluator, double[] inputs) => string.Join(", ",
        evaluator.Inputs.Select((p, i) => (p, v: inputs[i])).Where(t => !double.IsNaN(t.v)).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.p.Name}={t.v:G6}")));
}
