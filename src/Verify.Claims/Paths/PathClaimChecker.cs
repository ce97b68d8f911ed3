using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verify.Claims.Checking;
using Verify.Claims.Sampling;
using Verify.Derivation.Dynamics;
using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Model.Language;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Text;

namespace Verify.Claims.Paths;

/// <summary>
/// Decides a claim about the paths of dynamic regimes. Each draw takes the model's parameters as the
/// static claims draw them, then each regime parameter and the discount rate in the claim's range
/// for it ('draw gammaR in (fI/10, 10*fI)', 'discount r in (1/100, 1/2)'; log-uniformly when the
/// lower end is positive); it follows every path the claim compares to
/// its steady state (tolerance <see cref="Tolerance"/>) and compares with a margin of
/// <see cref="Margin"/> relative, ten times the tolerance (sides closer than that are equal; ten times a path's accuracy when
/// it had to be followed with a looser hold). A failing draw is shrunk with
/// FsCheck as for the static claims and confirmed by following the paths again at a quarter of the
/// tolerance. Paths are shared between the claim's assertions and between claims.
/// </summary>
public sealed class PathClaimChecker(ModelEvaluator model, CheckOptions options, PathStore? store = null)
{
    public const double Tolerance = 1e-8;
    public const double Margin = 1e-7;
    /// <summary>
    /// Steps per path before it is given up (a numeric failure, counted and reported). Relocation that tracks the
    /// North's cut-off next to its kink (s_E near 1) needs about 26,000.
    /// </summary>
    public const int MaxSteps = 50_000;
    /// <summary>Shrinking candidates tried per counterexample (each follows the paths again).</summary>
    public const int MaxShrinks = 60;

    readonly ModelEvaluator _model = model;
    readonly ModelDocument _document = model.Derivation.Context.Model;
    readonly Dictionary<string, DynamicSimulator> _simulators = [];
    readonly PathStore _paths = store ?? new PathStore();

    public ClaimResult Check(ClaimDefinition claim, string regime)
    {
        var dynamic = _document.FindDynamic(regime)!;
        var draws = Math.Min(options.Draws, options.PathDraws);
        var outcomes = new List<AssertionOutcome>();
        Setup setup;
        try { setup = new Setup(this, claim, dynamic); }
        catch (ClaimEvaluationException e)
        {
            var outcome = new AssertionOutcome(Verdict.Undecided, $"cannot be evaluated: {e.Message}");
            return new ClaimResult(claim.Id, regime, Verdict.Undecided, outcome.Evidence, [outcome.Evidence], null, options.Seed, 0);
        }
        // Assertions on discounted paths first: the plain paths of the others are the ones other claims share
        // (see PathStore), which another worker may be following meanwhile. Reported in the claim's order.
        var decided = new AssertionOutcome[setup.Relations.Count];
        foreach (var k in Enumerable.Range(0, decided.Length).OrderBy(k => setup.Relations[k].References.Any(r => r.Function == "pv") ? 0 : 1))
        {
            try { decided[k] = Decide(setup, setup.Relations[k], draws); }
            catch (ClaimEvaluationException e) { decided[k] = new AssertionOutcome(Verdict.Undecided, $"cannot be evaluated: {e.Message}"); }
        }
        outcomes.AddRange(decided);
        var verdict = outcomes.Any(o => o.Verdict == Verdict.Refuted) ? Verdict.Refuted
            : outcomes.Any(o => o.Verdict == Verdict.Undecided) ? Verdict.Undecided : Verdict.Holds;
        var lead = outcomes.First(o => o.Verdict == verdict);
        return new ClaimResult(claim.Id, regime, verdict, lead.Evidence,
            outcomes.Select(o => $"{o.Verdict.Name()}: {o.Evidence}").ToList(), lead.Point, options.Seed, draws);
    }

    AssertionOutcome Decide(Setup setup, PathRelation relation, int draws)
    {
        double smallestGap = double.PositiveInfinity;
        string? closest = null, firstUnresolved = null;
        int unresolved = 0;
        bool Holds(double[] drawn, double[] _)
        {
            var (left, right, margin) = setup.Sides(relation, drawn, Tolerance);
            var gap = Gap(relation.Operator, left, right);
            if (gap < smallestGap) { smallestGap = gap; closest = setup.Describe(drawn); }
            var standing = relation.Judge(left, right, margin);
            if (standing == PathRelation.Standing.Unresolved) { unresolved++; firstUnresolved ??= $"{setup.Describe(drawn)} ({N(left)} vs {N(right)})"; }
            return standing != PathRelation.Standing.Fails;
        }
        FirstPrinciples.Confirmation Confirm(double[] drawn)
        {
            try
            {
                var (left, right, margin) = setup.Sides(relation, drawn, Tolerance / 4);
                return new FirstPrinciples.Confirmation(relation.Judge(left, right, margin) == PathRelation.Standing.Fails,
                    $"at a quarter of the tolerance: {N(left)} vs {N(right)}");
            }
            catch (NumericFailure e) { return new FirstPrinciples.Confirmation(false, e.Message) { SolverFailed = true }; }
        }
        var search = CounterexampleSearch.Run(setup.Generator, setup.Admissible, Holds, draws, options.Seed, Confirm, MaxShrinks);
        var paths = $"paths followed to the steady state with tolerance {N(Tolerance)}; sides within {N(Margin)} (relative) cannot be told apart";
        // Paths set aside are few (a tenth of the draws at most for a verdict) and each is a finding: name them all.
        var failures = search.NumericFailures > 0
            ? $"; {search.NumericFailures} draw(s) set aside where a path could not be followed: "
              + string.Join("; ", search.NumericFailureMessages.Select((m, i) => $"({i + 1}) {m}"))
              + (search.NumericFailures > search.NumericFailureMessages.Count ? "; ..." : "")
            : "";
        if (search.Shrunk is { } shrunk)
        {
            var (left, right, _) = setup.Sides(relation, shrunk, Tolerance);
            var confirm = Confirm(shrunk);
            var evidence = $"counterexample {setup.Describe(shrunk)}: {relation.Text} has {N(left)} vs {N(right)}; "
                + $"{confirm.Detail}; found after {search.Tested} draw(s) (seed {options.Seed}), shrunk from {setup.Describe(search.Original!)}; {paths}{failures}";
            return new AssertionOutcome(confirm.Confirmed ? Verdict.Refuted : Verdict.Undecided, evidence, setup.Point(shrunk), search.Tested);
        }
        if (search.Tested == 0 || search.NumericFailures > search.Tested / 10)
            return new AssertionOutcome(Verdict.Undecided, $"{relation.Text}: only {search.Tested} draw(s) decided{failures}", null, search.Tested);
        var gapText = double.IsFinite(smallestGap) ? $"; the smallest gap between the sides was {N(smallestGap)} at {closest}" : "";
        if (unresolved > 0)
            return new AssertionOutcome(Verdict.Undecided,
                $"{relation.Text} fails at none of {search.Tested} draws (seed {options.Seed}), but at {unresolved} the sides cannot be told apart "
                + $"(first: {firstUnresolved}){gapText}; {paths}{failures}", null, search.Tested);
        return new AssertionOutcome(Verdict.Holds,
            $"{relation.Text} at every one of {search.Tested} draws (seed {options.Seed}){gapText}; {paths}{failures}", null, search.Tested);
    }

    /// <summary>How far the relation is from failing (left − right for &gt;, its negative for &lt;, −|left − right| for =).</summary>
    static double Gap(RelationOperator op, double left, double right) => op switch
    {
        RelationOperator.Greater or RelationOperator.GreaterOrEqual => left - right,
        RelationOperator.Less or RelationOperator.LessOrEqual => right - left,
        _ => -Math.Abs(left - right),
    };

    static string N(double v) => v.ToString("G10", CultureInfo.InvariantCulture);

    SimulationResult Path(string regime, IReadOnlyDictionary<string, double> point, IReadOnlyList<(string, double)> discounted, double tolerance)
    {
        // Only the parameters the regime reads: claims that draw others too (a discount rate) share its paths.
        var own = _document.Parameters.Select(p => p.Symbol.Name).Concat(_document.FindDynamic(regime)!.Parameters.Select(p => p.Symbol.Name)).ToHashSet();
        var key = $"{regime}|{tolerance:R}|{string.Join(",", point.Where(p => own.Contains(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value:R}"))}"
            + $"|{string.Join(",", discounted.Select(d => $"{d.Item1}@{d.Item2:R}"))}";
        return _paths.GetOrFollow(key, () => Follow(regime, point, own, discounted, tolerance));
    }

    SimulationResult Follow(string regime, IReadOnlyDictionary<string, double> point, HashSet<string> own,
        IReadOnlyList<(string, double)> discounted, double tolerance)
    {
        if (!_simulators.TryGetValue(regime, out var simulator))
        {
            var dynamic = _document.FindDynamic(regime)!;
            var start = _model.Regime(dynamic.StartRegime);
            _simulators[regime] = simulator = new DynamicSimulator(_document, dynamic)
            {
                // The derived closed forms of the start regime, where they evaluate.
                Start = parameters =>
                {
                    try
                    {
                        var point = start.Evaluate(_model.InputVector(parameters.ToDictionary()));
                        return point.Values.All(v => double.IsFinite(v.Value)) ? point.Values : null;
                    }
                    catch (NumericFailure) { return null; }
                },
            };
        }
        // Round-trip digits: the point can be given back to verify simulate as it is.
        var at = string.Join(",", point.Where(p => own.Contains(p.Key)).Select(p => $"{p.Key}={p.Value.ToString("R", CultureInfo.InvariantCulture)}"));
        SimulationResult result;
        try { result = simulator.Run(point.Where(p => own.Contains(p.Key)).ToDictionary(), new SimulationOptions { Tolerance = tolerance, Discounted = discounted, MaxSteps = MaxSteps }); }
        catch (NumericFailure e) { throw new NumericFailure($"{e.Message} (at {at})"); }
        if (!result.Steady) throw new NumericFailure($"{regime}: the path is not steady by t = {result.Times[^1]:G6} (at {at})");
        return result;
    }

    /// <summary>What a claim's draws are: the model's drawn parameters, the regimes' own parameters, the discount rate.</summary>
    sealed class Setup
    {
        readonly PathClaimChecker _checker;
        readonly ParameterSpace _space;
        readonly List<string> _extraNames = [];
        readonly List<(Expr Lo, Expr Hi)> _extraRanges = [];
        readonly string? _discount;


        public List<PathRelation> Relations { get; } = [];
        public Gen<double[]> Generator { get; }

        public Setup(PathClaimChecker checker, ClaimDefinition claim, DynamicRegime regime)
        {
            _checker = checker;
            _space = new ParameterSpace(checker._model);
            if (claim.Where.Count > 0 || claim.With.Count > 0)
                throw new ClaimEvaluationException("a claim over paths takes no 'where' or 'with' (its draws are the whole domain)");
            foreach (var a in claim.Assertions)
                Relations.Add(a is UniversalAssertion u ? new PathRelation(u.Relation, regime.Name)
                    : throw new ClaimEvaluationException("a claim over paths asserts plain relations of end(...) and pv(...)"));
            var regimes = Relations.SelectMany(r => r.References).Select(r => r.Regime).Append(regime.Name).Distinct().ToList();
            foreach (var name in regimes)
            {
                var d = checker._document.FindDynamic(name)
                    ?? throw new ClaimEvaluationException($"'{name}' is not a dynamic regime of the model");
                foreach (var p in d.Parameters.Where(p => !_extraNames.Contains(p.Symbol.Name)))
                {
                    var range = claim.Ranges.FirstOrDefault(r => r.Name == p.Symbol.Name)
                        ?? throw new ClaimEvaluationException($"parameter '{p.Symbol.Name}' of '{name}' needs 'draw {p.Symbol.Name} in (lo, hi)' in the claim");
                    _extraNames.Add(p.Symbol.Name);
                    _extraRanges.Add((Bound(range.Lower), Bound(range.Upper)));
                }
            }
            foreach (var r in claim.Ranges.Where(r => !_extraNames.Contains(r.Name)))
                throw new ClaimEvaluationException($"{r.Span}: '{r.Name}' is not a parameter of the dynamic regimes compared");
            if (claim.Discount is { } rate)
            {
                _discount = rate.Name;
                _extraNames.Add(rate.Name);
                _extraRanges.Add((Bound(rate.Lower), Bound(rate.Upper)));
            }
            else if (Relations.SelectMany(r => r.References).Any(r => r.Function == "pv"))
                throw new ClaimEvaluationException("pv(...) needs the claim's 'discount r in (lo, hi)'");
            var count = _extraRanges.Count;
            // Uniforms in [0, 1): each is placed in its range once the model's parameters are known (Point).
            Generator = _space.Generator.SelectMany(drawn => Gen.ArrayOf(Gen.Choose(0, 1_000_000_000), count)
                .Select(us => drawn.Concat(us.Select(u => u / 1_000_000_001.0)).ToArray()));
        }

        /// <summary>A range's end over the model's parameters (any other name is an error).</summary>
        Expr Bound(MathText text)
        {
            Expr e;
            try { e = Parser.Parse(text.Text, ParseContext.Default.At(text.Span.Line, text.Span.Column)); }
            catch (ParseException x) { throw new ClaimEvaluationException($"{text.Span}: {x.Message}"); }
            foreach (var s in e.FreeSymbols())
                if (!_checker._document.Parameters.Any(p => p.Symbol.Name == s.Name))
                    throw new ClaimEvaluationException($"{text.Span}: a drawn range may use only the model's parameters, not '{s.Name}'");
            return e;
        }

        static double Place(double u, double lo, double hi) =>
            lo > 0 ? Math.Exp(Math.Log(lo) + u * (Math.Log(hi) - Math.Log(lo))) : lo + u * (hi - lo);


        int ModelCount => _space.DrawnSymbols.Count;

        /// <summary>The draw itself when its model part is admissible and its own values are in [0, 1); else null.</summary>
        public double[]? Admissible(double[] drawn)
        {
            if (_space.Inputs(drawn[..ModelCount]) is null) return null;
            for (int i = ModelCount; i < drawn.Length; i++)
                if (!(drawn[i] >= 0 && drawn[i] < 1)) return null;
            return drawn;
        }

        /// <summary>The values of a draw by name: the model's parameters, then each drawn name placed in its range.</summary>
        public Dictionary<string, double> Point(double[] drawn)
        {
            var point = new Dictionary<string, double>(StringComparer.Ordinal);
            for (int i = 0; i < ModelCount; i++) point[_space.DrawnSymbols[i].Name] = drawn[i];
            double At(Expr e) => Evaluator.Evaluate(e, e.FreeSymbols().ToDictionary(s => s, s => point.GetValueOrDefault(s.Name, double.NaN)));
            for (int i = 0; i < _extraNames.Count; i++)
            {
                var (lo, hi) = _extraRanges[i];
                double l = At(lo), h = At(hi);
                if (!(h > l && double.IsFinite(l) && double.IsFinite(h)))
                    throw new ClaimEvaluationException($"the range of '{_extraNames[i]}' is empty or not finite at {string.Join(", ", point.Select(p => $"{p.Key} = {p.Value}"))}");
                point[_extraNames[i]] = Place(drawn[ModelCount + i], l, h);
            }
            return point;
        }

        public string Describe(double[] drawn) => string.Join(", ", Point(drawn).Select(p => $"{p.Key} = {p.Value.ToString("G6", CultureInfo.InvariantCulture)}"));

        public (double Left, double Right, double Margin) Sides(PathRelation relation, double[] drawn, double tolerance)
        {
            var point = Point(drawn);
            var parameters = new Dictionary<string, double>(point, StringComparer.Ordinal);
            foreach (var d in _checker._document.Derived)
                parameters[d.Symbol.Name] = Evaluator.Evaluate(d.Definition, _checker._document.Parameters.ToDictionary(p => p.Symbol, p => point[p.Symbol.Name]));
            var rate = _discount is null ? double.NaN : point[_discount];
            // A path followed with a looser hold than the tolerance (DynamicSimulator.Run) is that much less accurate:
            // the sides are told apart only beyond ten times its accuracy.
            double accuracy = tolerance;
            double Value(PathRelation.Reference r)
            {
                // A path asked for its end only carries no discounted integral (which would change its steps): it is the
                // same path as other claims' at the same point.
                var discounted = r.Function == "pv" ? new[] { (r.Name, rate) } : [];
                var path = _checker.Path(r.Regime, point, discounted, tolerance);
                accuracy = Math.Max(accuracy, path.Accuracy);
                if (!path.Series.ContainsKey(r.Name)) throw new ClaimEvaluationException($"the path of '{r.Regime}' has no series '{r.Name}'");
                return r.Function == "pv" ? path.PresentValue(r.Name, rate) : path.End(r.Name);
            }
            var (left, right) = relation.Sides(Value, parameters);
            var margin = Math.Max(Margin, Margin / Tolerance * accuracy);
            return (left, right, margin * Math.Max(1, Math.Max(Math.Abs(left), Math.Abs(right))));
        }
    }
}
