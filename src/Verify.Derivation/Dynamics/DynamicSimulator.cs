using Verify.Derivation.Evaluation;
using Verify.Model.Language;
using Verify.Numerics;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Derivation.Dynamics;

/// <summary>
/// Follows a dynamic regime's path at one parameter point: the states start at the start regime's
/// equilibrium (solved from first principles); at every instant the instantaneous conditions are
/// solved for the unknowns (Newton from the previous instant, the first-principles solver when that
/// fails) and each law gives its state's rate; held states do not move, and a state at a bound of
/// its domain does not move past it. Dormand-Prince integrates until the steady state.
/// </summary>
public sealed class DynamicSimulator
{
    readonly ModelDocument _model;
    readonly DynamicForms _forms;
    readonly Symbol[] _frame;          // parameters, derived, regime parameters, states, unknowns
    readonly int _stateAt, _unknownAt;
    readonly Action<double[], double[]> _conditions, _laws, _quantities;
    readonly PreparedRegime _start;
    readonly RawSystem _instantRaw;
    PreparedSystem? _instantFallback;
    PreparedSystem? _instantUnbounded;  // the same, the unknowns free of their domains: why an instant has no solution   // prepared at the first known values, for the same symbols after
    readonly bool[] _positive;
    readonly Action<double[], double[]> _unknownBounds;   // the unknowns' bounds, one per entry of _unknownBoundOf
    readonly (int Unknown, bool Upper, bool Strict)[] _unknownBoundOf;
    readonly (double? Lower, double? Upper)[] _stateBounds;
    readonly (bool Lower, bool Upper)[] _strictBounds;

    public DynamicRegime Regime { get; }

    /// <summary>
    /// The start regime's equilibrium at the model's parameters, when a derivation gives it (closed
    /// forms reach edges of the domain the first-principles solver cannot); null falls back on that solver.
    /// </summary>
    public Func<IReadOnlyDictionary<string, double>, IReadOnlyDictionary<string, double>?>? Start { get; init; }

    /// <summary>A steady path's rates have fallen to this fraction of their largest (see Observe).</summary>
    const double RateDecay = 1e-4;

    /// <summary>Explicit steps allowed before a path is taken to be stiff.</summary>
    const int ExplicitBudget = 5_000;

    public DynamicSimulator(ModelDocument model, DynamicRegime regime)
    {
        _model = model;
        Regime = regime;
        _forms = new DynamicForms(model, regime);
        var frame = model.Parameters.Select(p => p.Symbol).Concat(model.Derived.Select(d => d.Symbol))
            .Concat(regime.Parameters.Select(p => p.Symbol)).ToList();
        _stateAt = frame.Count;
        frame.AddRange(regime.States.Select(s => s.Symbol));
        _unknownAt = frame.Count;
        frame.AddRange(regime.Unknowns.Select(u => u.Symbol));
        _frame = [.. frame];

        _conditions = Compiler.CompileMany(_forms.Conditions.SelectMany(c => new[] { c.Left, c.Right }).ToList(), _frame);
        var laws = regime.States.Select(s => _forms.Laws.FirstOrDefault(l => l.State == s.Symbol)).ToList();
        _laws = Compiler.CompileMany(laws.SelectMany(l => l.State is null ? new[] { Expr.Zero, Expr.One } : new[] { l.Constant, l.Coefficient }).ToList(), _frame);
        _quantities = Compiler.CompileMany(_forms.Quantities.Select(q => q.Definition).ToList(), _frame);
        _positive = regime.Unknowns.Select(u => u.Symbol.Sign == SymbolSign.Positive).ToArray();
        _stateBounds = regime.States.Select(s => ConstantBounds(s.Symbol, s.Domain)).ToArray();
        _strictBounds = regime.States.Select(s => StrictBounds(s.Symbol, s.Domain)).ToArray();

        _start = RegimeSystems.Prepare(model, model.FindRegime(regime.StartRegime)
            ?? throw new DerivationException($"{regime.Name}: no regime '{regime.StartRegime}' to start from"));
        var raw = new RawSystem(
            _forms.Conditions.Select(c => new RawCondition(c.Left, c.Right, c.Label)).ToList(),
            regime.Unknowns.Select(u => RawUnknownOf(u)).ToList(),
            new Dictionary<Symbol, double>());
        _instantRaw = raw;
        var bounds = raw.Unknowns.SelectMany((u, j) => new[] { (Bound: u.Lower, Of: (j, false, u.LowerStrict)), (Bound: u.Upper, Of: (j, true, u.UpperStrict)) })
            .Where(b => b.Bound is not null).ToList();
        _unknownBounds = Compiler.CompileMany(bounds.Select(b => b.Bound!).ToList(), _frame);
        _unknownBoundOf = [.. bounds.Select(b => b.Of)];
    }

    public IReadOnlyList<string> SeriesNames =>
        [.. Regime.States.Select(s => s.Symbol.Name), .. Regime.Unknowns.Select(u => u.Symbol.Name), .. Regime.Quantities.Select(q => q.Symbol.Name)];

    /// <summary>
    /// The path at <paramref name="point"/> (every model parameter and every parameter of the
    /// regime, by name). Throws <see cref="NumericFailure"/> when a step cannot be taken and
    /// <see cref="ArgumentException"/> when the point is outside the domain.
    /// </summary>
    public SimulationResult Run(IReadOnlyDictionary<string, double> point, SimulationOptions? options = null)
    {
        options ??= new SimulationOptions();
        // A state that tracks a kink of its law (relocation along the North's cut-off) may relax too slowly to be held
        // to the tolerance, and the integrator chatters about the kink. After TightSteps steps the path is followed
        // again with held states following their balances more loosely, and says how far they may lag: its values
        // are no more accurate than that (end values are: at a steady state the balance is exact).
        var holds = new[] { options.Tolerance }.Concat(LooseHolds.Where(h => h > options.Tolerance)).ToArray();
        var exhausted = new List<string>();
        for (int k = 0; ; k++)
        {
            bool last = k == holds.Length - 1;
            try
            {
                var path = Follow(point, last ? options : options with { MaxSteps = Math.Min(options.MaxSteps, TightSteps) }, holds[k]);
                return k == 0 ? path : path with
                {
                    Method = path.Method + $"; held states follow their balances to {holds[k]:G2} (relative), not the tolerance ({string.Join("; ", exhausted)})",
                    HeldTo = holds[k],
                };
            }
            catch (StepsExhausted e) when (!last) { exhausted.Add($"held to {holds[k]:G2}: {e.Message}"); }
        }
    }

    static readonly double[] Signs = [1.0, -1.0];

    /// <summary>How closely held states may follow their balances, in turn, when the tolerance would take too many steps.</summary>
    static readonly double[] LooseHolds = [1e-6, 1e-4];

    /// <summary>Steps a path may take at each hold but the loosest (the kink draw of R7.general-long-run takes 26,000
    /// at the tolerance).</summary>
    const int TightSteps = 50_000;

    /// <param name="separation">A state is held at its balance when it relaxes faster than the others' relative
    /// rates divided by this (the relative lag it then has behind its balance).</param>
    SimulationResult Follow(IReadOnlyDictionary<string, double> point, SimulationOptions options, double separation)
    {
        var frame = new double[_frame.Length];
        var values = DomainCheck.Parameters(_model, Regime, point);
        for (int i = 0; i < _stateAt; i++) frame[i] = values[_frame[i]];

        var start = StartValues(values);
        int nStates = Regime.States.Count, nUnknowns = Regime.Unknowns.Count;
        var x0 = Regime.States.Select(s => Evaluate(s.Start, start, $"the starting value of {s.Symbol.Name}")).ToArray();
        var unknownsAtStart = Regime.Unknowns.Select(u => start.TryGetValue(u.Symbol.Name, out var v) ? v : double.NaN).ToArray();
        var unknowns = (double[])unknownsAtStart.Clone();
        bool solvedOnce = false;
        var previousUnknowns = new double[nUnknowns];
        bool probing = false;

        var discounted = options.Discounted;
        var discountIndex = discounted.Select(d => _forms.Quantities.ToList().FindIndex(q => q.Name.Name == d.Quantity)).ToArray();
        for (int k = 0; k < discountIndex.Length; k++)
            if (discountIndex[k] < 0) throw new ArgumentException($"'{Regime.Name}' has no quantity '{discounted[k].Quantity}' to discount");

        var quantityValues = new double[_forms.Quantities.Count];
        var lawValues = new double[2 * nStates];
        var residualSides = new double[2 * nUnknowns];
        var newton = new InstantNewton(nUnknowns);
        InstantNewton.Residuals residuals = Residuals;

        string? failure = null, outside = null;
        // A state whose law relaxes it to a balance far faster than anything else moves is held at that
        // balance (see Fast): the one such state, if any, and its balance at the last instant solved.
        int? slavedState = null;
        var balance = new double[nStates];
        var balanceMove = new double[nStates];   // how far (in Balance's s) each balance moved at its last search
        int? switchTo = null;
        bool Instant(double[] states)
        {
            Array.Copy(states, 0, frame, _stateAt, nStates);
            if (solvedOnce)
            {
                Array.Copy(unknowns, previousUnknowns, nUnknowns);
                if (newton.TrySolve(residuals, unknowns, _positive, 1e-13))
                {
                    if (WithinBounds()) return true;
                    // Newton, from the last instant, followed the equilibrium out of the domain (it keeps positive
                    // unknowns positive but knows no other bound): the model has no equilibrium here.
                    var atNewton = new Dictionary<Symbol, double>();
                    for (int i = 0; i < _frame.Length; i++) atNewton[_frame[i]] = frame[i];
                    outside = Violations(atNewton);
                    Array.Copy(previousUnknowns, unknowns, nUnknowns);
                    if (outside is not null) { failure = outside; return false; }
                }
                else Array.Copy(previousUnknowns, unknowns, nUnknowns);
                // A probe of the balance search walks on from instants solved already: where Newton cannot follow
                // the equilibrium (a fold, the edge of the domain) the search goes no further, and the slow
                // first-principles solver is not asked.
                if (probing) { failure = "Newton could not follow the instant"; return false; }
            }
            var known = new Dictionary<Symbol, double>();
            for (int i = 0; i < _unknownAt; i++) known[_frame[i]] = frame[i];
            var guess = new Dictionary<Symbol, double>();
            for (int j = 0; j < nUnknowns; j++) if (double.IsFinite(unknowns[j])) guess[_frame[_unknownAt + j]] = unknowns[j];
            _instantFallback ??= RawSolver.Prepare(_instantRaw.WithKnown(known));
            var solution = _instantFallback.Solve(known, SolveOptions.Default with { InitialGuess = guess });
            if (!solution.Success) { failure = solution.FailureReason; outside = OutsideDomain(known, guess); return false; }
            for (int j = 0; j < nUnknowns; j++) unknowns[j] = solution.Values[_frame[_unknownAt + j]];
            // Polish with Newton so that every instant is solved to the same relative residual.
            newton.TrySolve(residuals, unknowns, _positive, 1e-13);
            Array.Copy(unknowns, 0, frame, _unknownAt, nUnknowns);
            solvedOnce = true;
            return true;
        }

        var boundValues = new double[_unknownBoundOf.Length];
        // Leaves frame holding the unknowns.
        bool WithinBounds()
        {
            Array.Copy(unknowns, 0, frame, _unknownAt, nUnknowns);
            _unknownBounds(frame, boundValues);
            for (int k = 0; k < boundValues.Length; k++)
            {
                var (j, upper, strict) = _unknownBoundOf[k];
                double u = unknowns[j], b = boundValues[k];
                bool inside = upper ? (strict ? u < b : u <= b) : (strict ? u > b : u >= b);
                if (!inside) return false;
            }
            return true;
        }

        bool Residuals(double[] u, double[] r)
        {
            Array.Copy(u, 0, frame, _unknownAt, nUnknowns);
            _conditions(frame, residualSides);
            for (int i = 0; i < nUnknowns; i++)
            {
                double l = residualSides[2 * i], rr = residualSides[2 * i + 1];
                r[i] = (l - rr) / (Math.Abs(l) + Math.Abs(rr) + 1e-300);
                if (!double.IsFinite(r[i])) return false;
            }
            return true;
        }

        var inDomain = new double[nStates];
        NumericFailure? beyond = null;   // why a stage since the last accepted step had no instantaneous solution
        void Rates(double t, double[] x, double[] rates)
        {
            // The integrator's trial stages may overshoot a bound of a state's domain (y just below 0,
            // where aR = y^(1/(rho + sigma - 1)) has no value): the rates there are those at the nearest
            // point of the domain, where the bound rule below stops the outward motion.
            for (int i = 0; i < nStates; i++)
            {
                var (lower, upper) = _stateBounds[i];
                if (_strictBounds[i].Lower && lower is { } lo && x[i] <= lo || _strictBounds[i].Upper && upper is { } hi && x[i] >= hi)
                    throw new StageOutsideDomain($"{Regime.Name}: {Regime.States[i].Symbol.Name} = {x[i]:G6} at t = {t:G6} is outside its domain");
            }
            Array.Copy(x, inDomain, nStates);
            Project(inDomain);
            // A trial stage where the model has no equilibrium (or the solver finds none) is rejected like one outside
            // a state's domain: a first step as long as the whole span may land anywhere. The reason stands if the
            // path cannot get past it (see beyond).
            try
            {
                if (slavedState is int sl) inDomain[sl] = balance[sl] = Balance(t, sl, inDomain);
                else SolveInstant(t, inDomain);
            }
            catch (NumericFailure e) when (e is not StageOutsideDomain) { beyond = e; throw new StageOutsideDomain(e.Message); }
            _laws(frame, lawValues);
            for (int i = 0; i < nStates; i++)
            {
                var state = Regime.States[i];
                if (i == slavedState) { rates[i] = 0; continue; }
                // A law whose coefficient of diff(x, t) vanishes (no Southern capital left to move, say) leaves x where it is.
                double rate = state.Held || lawValues[2 * i + 1] == 0 ? 0 : -lawValues[2 * i] / lawValues[2 * i + 1];
                var (lower, upper) = _stateBounds[i];
                if (lower is { } lo && inDomain[i] <= lo && rate < 0 || upper is { } hi && inDomain[i] >= hi && rate > 0) rate = 0;
                rates[i] = rate;
            }
            if (discounted.Count > 0)
            {
                _quantities(frame, quantityValues);
                for (int k = 0; k < discounted.Count; k++)
                    rates[nStates + k] = Math.Exp(-discounted[k].Rate * t) * quantityValues[discountIndex[k]];
            }
        }

        void SolveInstant(double t, double[] states)
        {
            if (!Instant(states))
            {
                if (outside is not null)
                    throw new NoInstantEquilibrium($"{Regime.Name}: at t = {t:G6} the path reaches a state ({StatesText(states)}) where the model "
                        + $"has no instantaneous equilibrium: {outside}");
                throw new NumericFailure($"{Regime.Name}: the instantaneous conditions have no solution at t = {t:G6} "
                    + $"({StatesText(states)}): {failure}");
            }
        }

        // The rate of state i at the given states with that state set to v (frame then holds that instant).
        double RateAt(double t, int i, double[] states, double v)
        {
            states[i] = v;
            SolveInstant(t, states);
            return LawRate(i);
        }

        // State i's rate at the instant in frame.
        double LawRate(int i)
        {
            _laws(frame, lawValues);
            return lawValues[2 * i + 1] == 0 ? 0 : -lawValues[2 * i] / lawValues[2 * i + 1];
        }

        // A slaved state's balance: the value nearest its previous one, in the direction its rate points,
        // where that rate reaches 0 (the edge of a set where it is 0 throughout, as past the last cut-off,
        // is the first such value), or the bound of its domain when the rate points outward all the way.
        // Searched in s = ln((v - lo)/(hi - v)), which resolves values next to either bound: the
        // relocation balance of a path with rho + 1 - sigma near 0 lies near y = 1e-47.
        double Balance(double t, int i, double[] states)
        {
            var (loN, hiN) = _stateBounds[i];
            double lo = loN!.Value, hi = hiN!.Value;
            // Each side written so that a value next to its bound keeps its digits.
            double V(double s) => s < 0 ? lo + (hi - lo) * Math.Exp(s) / (1 + Math.Exp(s)) : hi - (hi - lo) * Math.Exp(-s) / (1 + Math.Exp(-s));
            double S(double v) => Math.Log(Math.Max(v - lo, 1e-300 * (hi - lo)) / Math.Max(hi - v, 1e-300 * (hi - lo)));
            const double Edge = 690;   // |s| beyond which v is its bound to double precision
            double v0 = balance[i];
            double r0 = RateAt(t, i, states, v0);
            if (r0 == 0) return v0;
            int dir = Math.Sign(r0);
            if (dir < 0 && v0 <= lo || dir > 0 && v0 >= hi) return v0;
            // The first step: twice the balance's last move (it moves little from one stage to the next), at most 1e-4.
            double sa = S(v0), step = balanceMove[i] > 0 ? Math.Clamp(2 * balanceMove[i], 1e-10, 1e-4) : 1e-4, sb;
            double fa = r0, fb;
            bool atSb;   // whether frame holds the instant at V(sb), the last probe made
            while (true)
            {
                sb = sa + dir * step;
                if (dir * sb >= Edge)
                {
                    var bound = dir > 0 ? hi : lo;
                    if (TryRateAt(t, i, states, bound) is { } atBound && (atBound == 0 || Math.Sign(atBound) == dir)) return bound;
                    sb = dir * Edge;
                    var atEdge = TryRateAt(t, i, states, V(sb));
                    (fb, atSb) = (atEdge ?? 0, atEdge is not null);
                    break;
                }
                // A value where the model has no equilibrium lies beyond the balance, as one where the rate points back.
                var rb = TryRateAt(t, i, states, V(sb));
                if (rb is not { } pointsOn || Math.Sign(pointsOn) != dir) { (fb, atSb) = (rb ?? 0, rb is not null); break; }
                sa = sb;
                fa = pointsOn;
                step *= 4;
            }
            // sa: the rate points toward sb; sb: it is 0 or points back. Illinois on the boundary of the two.
            int side = 0;
            for (int iteration = 0; iteration < 200 && Math.Abs(sb - sa) > 1e-13 * Math.Max(1, Math.Abs(sb)); iteration++)
            {
                double sc = fb == 0 ? 0.5 * (sa + sb) : (sa * fb - sb * fa) / (fb - fa);
                if (!(sc > Math.Min(sa, sb) && sc < Math.Max(sa, sb))) sc = 0.5 * (sa + sb);
                var rc = TryRateAt(t, i, states, V(sc));
                double fc = rc ?? 0;
                if (fc != 0 && Math.Sign(fc) == dir) { sa = sc; fa = fc; if (side == -1) fb /= 2; side = -1; atSb = false; }
                else { sb = sc; fb = fc; if (side == 1) fa /= 2; side = 1; atSb = rc is not null; }
            }
            // The last side the rate points back from, unless the model has no equilibrium there: then the edge of
            // those states, from within, where the rate still points out (the path will go on to that edge). Frame must
            // hold the instant at the value returned: solved again unless the last probe was there (the same numbers).
            var found = atSb || TryRateAt(t, i, states, V(sb)) is not null ? V(sb) : BalanceAt(t, i, states, V(sa));
            balanceMove[i] = Math.Abs(S(found) - S(v0));
            return found;
        }

        // A probe of the balance search: null where Newton cannot follow the instant there (see Instant).
        double? TryRateAt(double t, int i, double[] states, double v)
        {
            probing = true;
            try
            {
                // RateAt without the exception (and its message) where the instant has no solution: the balance
                // search probes thousands of such values on a path.
                states[i] = v;
                return Instant(states) ? LawRate(i) : null;
            }
            catch (NumericFailure) { return null; }
            finally { probing = false; }
        }

        // Leaves frame holding the instant at the balance.
        double BalanceAt(double t, int i, double[] states, double v)
        {
            RateAt(t, i, states, v);
            return v;
        }

        void Project(double[] x)
        {
            for (int i = 0; i < nStates; i++)
            {
                var (lower, upper) = _stateBounds[i];
                if (lower is { } lo && x[i] < lo) x[i] = lo;
                if (upper is { } hi && x[i] > hi) x[i] = hi;
            }
        }

        var times = new List<double>();
        var names = SeriesNames;
        var series = names.ToDictionary(n => n, _ => new List<double>());
        bool steady = false;
        double? atRounding = null;
        int roundingRun = 0;
        var lawScratch = new double[2 * nStates];
        var resolvedUnknowns = new double[nUnknowns];
        var solvedUnknowns = new double[nUnknowns];
        var rateScratch = new double[nStates + discounted.Count];
        var rounding = new double[nStates];
        int? settledAt = null;
        var peakRates = new double[nStates];
        double tol = options.Tolerance;

        double lastT = 0;
        var lastX = new double[nStates + discounted.Count];
        bool resuming = false;
        int? nearRestWith = null;   // the held state (-1: none) with which the path was last found near rest, while it stays settled
        bool Observe(double t, double[] x, double[] rates)
        {
            // The stiff integrator resumes at the last accepted point, which is recorded already.
            if (resuming) { resuming = false; return false; }
            beyond = null;
            lastT = t;
            Array.Copy(x, lastX, x.Length);
            // The rates were computed at x, so frame holds x's unknowns.
            _quantities(frame, quantityValues);
            times.Add(t);
            for (int i = 0; i < nStates; i++) series[names[i]].Add(i == slavedState ? balance[i] : x[i]);
            for (int j = 0; j < nUnknowns; j++) series[names[nStates + j]].Add(frame[_unknownAt + j]);
            for (int q = 0; q < quantityValues.Length; q++) series[names[nStates + nUnknowns + q]].Add(quantityValues[q]);
            if (quantityValues.Any(v => !double.IsFinite(v)))
                throw new NumericFailure($"{Regime.Name}: a quantity has no finite value at t = {t:G6}");
            if (slavedState is null ? Fast(t, x, rates) is int fast && (switchTo = fast) is not null
                : Released(t, x, rates)) return true;
            // Settled once is not enough (a slow mode can move less than the tolerance over [t/2, t]):
            // the path goes on to four times that moment and must have stayed put since.
            // A held state is not integrated but solved from the others at each instant, so it is steady when they
            // are; it is left out because it can amplify their accuracy: at the standard point y moves twenty times
            // as much, relative, as K, and K's tolerance-sized jitter at the explicit method's stability limit
            // (relaxation at rate 0.5, steps of 6.5) kept y from settling until t = 838.
            var stateNames = names.Take(nStates).Where((_, i) => i != slavedState).ToList();
            // Rates that are zero to the precision the instant is solved to, at five accepted steps running, say
            // nothing more: no law can tell the states to move. On a continuum of steady states (relocation
            // balancing B = B*, where the two free-entry conditions coincide) the stiff method's long steps would
            // otherwise carry that rounding along the continuum without end, and the states never settle.
            // The rest must be stable: at an unstable one (agglomeration about to start) the rates are as small.
            // Solving the instant twice more is asked only of a path whose states barely move (relative rates under
            // 1e-6): rounding-level rates are far below that, and most steps of a moving path are spared it.
            roundingRun = Quiet(x, rates) && AtRoundingLevel(t, x) ? roundingRun + 1 : 0;
            if (roundingRun >= 5 && StableRest(t, x, rateScratch))
            {
                atRounding = t;
                return steady = true;
            }
            // Every state's relative rate must also have fallen to RateDecay times its largest so far:
            // a path that has barely started moves less than the tolerance over [t/2, t] too.
            bool decayed = true;
            for (int i = 0; i < nStates; i++)
            {
                var relative = Math.Abs(rates[i]) / Math.Max(Math.Abs(x[i]), 1e-3);
                peakRates[i] = Math.Max(peakRates[i], relative);
                if (relative > RateDecay * peakRates[i]) decayed = false;
            }
            // A path that starts next to its steady state (relocation balancing at once, entry barely moving)
            // has no transient whose rates could decay: there each state must instead be within ten times
            // the tolerance (the documented accuracy of end values) of where its rate vanishes, by one Newton step.
            // Once near rest, a path that stays settled (and holds the same state) is taken to stay near rest: each test
            // solves the instant once per state, with a balance search when a state is held, at every step until
            // t is four times the moment it settled.
            if (!decayed)
            {
                if (!Settled(times, series, stateNames, tol)) nearRestWith = null;
                else if (nearRestWith == (slavedState ?? -1)) decayed = true;
                else if (NearRest(t, x, rates)) { nearRestWith = slavedState ?? -1; decayed = true; }
            }
            if (!decayed) { settledAt = null; return false; }
            if (settledAt is null) { if (Settled(times, series, stateNames, tol)) settledAt = times.Count - 1; return false; }
            if (t < 4 * times[settledAt.Value] && t < options.Until) return false;
            steady = Settled(times, series, stateNames, tol) && Unmoved(series, stateNames, settledAt.Value, tol);
            if (!steady) { settledAt = null; nearRestWith = null; }
            return steady;
        }

        // Tikhonov: a state that relaxes to its balance on a time scale 1/lambda below the tolerance times the
        // time scale of the other states follows that balance to within the tolerance, relative. Its law is then
        // not integrated: the state is held at the balance (the sliding regime), which the integrator would
        // otherwise chatter about, as when relocation overshoots a balance far below the absolute tolerance or
        // tracks a cut-off where the marginal mover's gain has a kink. Only a state bounded on both sides
        // qualifies: its balance is searched within those bounds.
        var probe = new double[nStates + discounted.Count];
        int? Fast(double t, double[] x, double[] rates)
        {
            int? found = null;
            for (int i = 0; i < nStates && found is null; i++)
            {
                if (Regime.States[i].Held || _stateBounds[i] is not ({ } lo, { } hi)) continue;
                double others = 0;
                for (int j = 0; j < nStates; j++)
                    if (j != i) others = Math.Max(others, Math.Abs(rates[j]) / Math.Max(Math.Abs(x[j]), 1e-3));
                Array.Copy(x, probe, nStates);
                Project(probe);
                if (!(others <= separation * Relaxation(t, i, probe, x[i]))) continue;
                // The jump to the balance skips the way there, so the state must relax that fast at the balance
                // too (relocation is fastest next to aR = 0: from the kick at y = 1e-12 to a balance near 1e-47
                // it only speeds up, while to a balance at aR = 0.4 it slows to the pace of entry).
                balance[i] = probe[i];
                var end = Balance(t, i, probe);
                if (others <= separation * Relaxation(t, i, probe, end)) found = i;
            }
            return found;
        }

        // How fast state i relaxes at value v (the others as given): the larger of the rate's one-sided slopes,
        // since at a kink of the law (a cut-off where the marginal mover's gain stops) the state is drawn in
        // from the steep side and does not move on the flat one. Leaves states[i] = v.
        double Relaxation(double t, int i, double[] states, double v)
        {
            var (lo, hi) = _stateBounds[i];
            double at = RateAt(t, i, states, v), lambda = 0;
            // Steps of 1e-6, 1e-3 and 1e-1 of the distance to the nearer bound: where the law is flat in ln v (a
            // balance near y = 1e-122, which the sales of the movers below aR = y^0.45 reach only as y^0.06) the
            // smallest step changes the rate by less than its rounding.
            foreach (var fraction in new[] { 1e-6, 1e-3, 1e-1 })
            {
                double dv = fraction * Math.Max(Math.Min(v - lo!.Value, hi!.Value - v), 1e-300);
                if (v + dv <= hi && TryRateAt(t, i, states, v + dv) is { } above) lambda = Math.Max(lambda, -(above - at) / dv);
                if (v - dv >= lo && TryRateAt(t, i, states, v - dv) is { } below) lambda = Math.Max(lambda, (below - at) / dv);
            }
            RateAt(t, i, states, v);
            return lambda;
        }

        // A held state goes back to its law once it relaxes ten times slower than the switch asked for
        // (relocation is fastest next to aR = 0 and slows as it goes on).
        bool Released(double t, double[] x, double[] rates)
        {
            if (slavedState is not int i) return false;
            double others = 0;
            for (int j = 0; j < nStates; j++)
                if (j != i) others = Math.Max(others, Math.Abs(rates[j]) / Math.Max(Math.Abs(x[j]), 1e-3));
            Array.Copy(x, probe, nStates);
            Project(probe);
            if (others <= 10 * separation * Relaxation(t, i, probe, balance[i])) return false;
            switchTo = i;
            return true;
        }

        bool Quiet(double[] x, double[] rates)
        {
            for (int i = 0; i < nStates; i++)
                if (i != slavedState && !(Math.Abs(rates[i]) <= 1e-6 * Math.Max(Math.Abs(x[i]), 1e-3))) return false;
            return true;
        }

        // Every rate within ten times its rounding: how far it moves when the instant is solved again, to the same
        // tolerance, from its unknowns moved by 1e-7 (relative) one way and the other -- the noise the path's own
        // instants carry (kept in rounding[]). Perturbing one unknown at a time would overstate it where a law
        // depends on a difference of unknowns (relocation on B - B*), whose errors go together.
        // Leaves frame holding x's instant.
        bool AtRoundingLevel(double t, double[] x)
        {
            // The probes since x was accepted (Fast's) have left other instants in frame.
            var rates = rateScratch;
            Rates(t, x, rates);
            var solved = solvedUnknowns;
            Array.Copy(frame, _unknownAt, solved, 0, nUnknowns);
            Array.Clear(rounding);
            bool resolved = true;
            foreach (var sign in Signs)
            {
                for (int j = 0; j < nUnknowns; j++) resolvedUnknowns[j] = solved[j] * (1 + sign * 1e-7 * (j % 2 == 0 ? 1 : -1));
                if (!newton.TrySolve(residuals, resolvedUnknowns, _positive, 1e-13)) { resolved = false; break; }
                Array.Copy(resolvedUnknowns, 0, frame, _unknownAt, nUnknowns);
                _laws(frame, lawScratch);
                for (int i = 0; i < nStates; i++)
                    if (lawScratch[2 * i + 1] != 0) rounding[i] = Math.Max(rounding[i], Math.Abs(-lawScratch[2 * i] / lawScratch[2 * i + 1] - rates[i]));
            }
            Array.Copy(solved, 0, frame, _unknownAt, nUnknowns);
            _laws(frame, lawValues);
            if (!resolved) return false;
            for (int i = 0; i < nStates; i++)
                if (i != slavedState && !Regime.States[i].Held && !(Math.Abs(rates[i]) <= 10 * rounding[i])) return false;
            return true;
        }

        // No eigenvalue of the rates' Jacobian (forward differences, the held states left out) has a real part
        // above what the rates' rounding can make of an entry (a continuum of rest points has eigenvalues that
        // are 0 but for it; an unstable rest, agglomeration about to start, a clearly positive one).
        // Call after AtRoundingLevel, whose rounding[] it uses.
        bool StableRest(double t, double[] x, double[] rates)
        {
            var moving = Enumerable.Range(0, nStates).Where(i => i != slavedState && !Regime.States[i].Held).ToArray();
            if (moving.Length == 0) return true;
            var saved = (double[])rates.Clone();
            var jacobian = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(moving.Length, moving.Length);
            double noise = 0;
            for (int c = 0; c < moving.Length; c++)
            {
                int j = moving[c];
                double dx = 1e-6 * Math.Max(Math.Abs(x[j]), 1e-3);
                Array.Copy(x, probe, x.Length);
                probe[j] = x[j] + dx;
                try { Rates(t, probe, rateScratch); }
                catch (StageOutsideDomain) { Rates(t, x, rateScratch); return false; }
                for (int r = 0; r < moving.Length; r++)
                {
                    jacobian[r, c] = (rateScratch[moving[r]] - saved[moving[r]]) / dx;
                    noise += Math.Pow(20 * rounding[moving[r]] / dx, 2);
                }
            }
            Rates(t, x, rateScratch);
            return jacobian.Evd().EigenValues.All(e => e.Real <= Math.Sqrt(noise));
        }

        bool NearRest(double t, double[] x, double[] rates)
        {
            var at = (double[])x.Clone();
            var saved = (double[])rates.Clone();
            for (int i = 0; i < nStates; i++)
            {
                if (i == slavedState || saved[i] == 0) continue;
                double dx = 1e-6 * Math.Max(Math.Abs(x[i]), 1e-3);
                Array.Copy(x, probe, x.Length);
                probe[i] = x[i] + dx;
                try { Rates(t, probe, rateScratch); }
                catch (StageOutsideDomain) { Rates(t, at, rateScratch); return false; }
                var slope = (rateScratch[i] - saved[i]) / dx;
                if (!(slope < 0) || Math.Abs(saved[i] / slope) > 10 * tol * Math.Max(Math.Abs(x[i]), 1e-3)) { Rates(t, at, rateScratch); return false; }
            }
            Rates(t, at, rateScratch);
            return true;
        }

        var x = new double[nStates + discounted.Count];
        Array.Copy(x0, x, nStates);
        // A state that starts at a bound of its domain and leaves it (relocation from aR = 0) has a law
        // that is not smooth there: record t = 0, then leave the bound with one Euler step just long
        // enough to take that state to 1e-12, and integrate from there.
        var rates0 = new double[x.Length];
        Rates(0, x, rates0);
        double kick = double.PositiveInfinity;
        for (int i = 0; i < nStates; i++)
        {
            var (lower, upper) = _stateBounds[i];
            if (lower is { } lo && x[i] == lo && rates0[i] > 0 || upper is { } hi && x[i] == hi && rates0[i] < 0)
                kick = Math.Min(kick, 1e-12 / Math.Abs(rates0[i]));
        }
        // A path that starts at rest to the rounding (B = B* at the autarky start, trade barely open) pushes the state off
        // its bound so slowly that the kick would outlast the horizon: at most a billionth of it, leaving the state
        // short of 1e-12.
        kick = Math.Min(kick, 1e-9 * options.Until);
        double tStart = 0;
        if (double.IsFinite(kick))
        {
            Observe(0, x, rates0);
            // 1e-12 of y is not small when rho + 1 - sigma is near 0 (the firms below aR = y^(1/(rho + sigma - 1))
            // then hold a large share of sales) and may leave the model's domain: shorter kicks until it stays.
            var kicked = new double[x.Length];
            for (int attempt = 0; ; attempt++)
            {
                for (int i = 0; i < x.Length; i++) kicked[i] = x[i] + kick * rates0[i];
                try { Rates(kick, kicked, rateScratch); break; }
                catch (NumericFailure) when (attempt < 20) { kick *= 1e-12; }
            }
            Array.Copy(kicked, x, x.Length);
            tStart = kick;
        }
        // Explicit steps first; a path that needs more than a few thousand of them is stiff (fast
        // relocation next to slow entry) and goes on with the Rosenbrock method from the last accepted
        // point (where the relocation state is no longer at 0, where its law is not smooth).
        string method = "Dormand-Prince 5(4)";
        var held = new List<string>();
        bool stiff = false;
        int rejected = 0;
        double tEnd;
        double[] xEnd;
        double t0 = tStart;
        try
        {
            while (true)
            {
                // Each segment ends at the steady state, or where a state becomes fast: the integration then
                // starts again from that point with the state held at its balance (the right-hand side changes there).
                switchTo = null;
                (double T, double[] X, int Steps, int Rejected) segment;
                int budget = options.MaxSteps - (times.Count - 1) - rejected;
                if (budget <= 0) throw new StepsExhausted($"{Regime.Name}: the path took {options.MaxSteps} steps without reaching a steady state (stopped at t = {lastT:G6})");
                if (!stiff)
                {
                    try { segment = DormandPrince.Integrate(Rates, t0, x, options.Until, tol, tol * 1e-12, Observe, Project, Math.Min(budget, Math.Max(1, ExplicitBudget - (times.Count - 1) - rejected))); }
                    catch (NumericFailure) when (times.Count > 1 && switchTo is null)
                    {
                        stiff = true;
                        method = "Dormand-Prince 5(4), then Rosenbrock 2(3) once stiff";
                        (t0, x) = (lastT, (double[])lastX.Clone());
                        resuming = true;
                        continue;
                    }
                }
                else segment = Rosenbrock23.Integrate(Rates, t0, x, options.Until, tol, tol * 1e-12, Observe, Project, budget);
                rejected += segment.Rejected;
                (tEnd, xEnd) = (segment.T, segment.X);
                if (switchTo is not int fast) break;
                (t0, x) = (lastT, (double[])lastX.Clone());
                if (slavedState is null)
                {
                    slavedState = fast;
                    balance[fast] = lastX[fast];
                    held.Add($"{Regime.States[fast].Symbol.Name} held at its balance from t = {lastT:G6}");
                }
                else
                {
                    slavedState = null;
                    x[fast] = balance[fast];
                    held[^1] += $" to {lastT:G6}";
                }
                resuming = true;
            }
        }
        // The path could not get past states where the model has no equilibrium: that is the reason, not the step size.
        catch (NumericFailure e) when (beyond is not null && e != beyond && e is not NoInstantEquilibrium) { throw beyond; }
        // Out of steps: say where the path was, and the held state's balance (a balance below what doubles resolve in
        // the model's own variables, such as a_R = y^(1/(rho + sigma - 1)) underflowing to 0, shows there).
        catch (StepsExhausted e)
        {
            var heldText = slavedState is int h ? $"; {Regime.States[h].Symbol.Name} held at its balance {balance[h]:G6}" : "";
            throw new StepsExhausted($"{Regime.Name}: out of steps, {options.MaxSteps} allowed ({e.Message}); the last accepted point: t = {lastT:G6}, {StatesText(lastX)}{heldText}");
        }
        int steps = times.Count - 1;
        if (held.Count > 0) method += "; " + string.Join(", ", held);
        if (atRounding is { } at) method += $"; steady at t = {at:G6}: every rate within the rounding of the instant's solution, the rest stable";
        var present = new List<(string, double, double)>();
        for (int k = 0; k < discounted.Count; k++)
        {
            var (quantity, rate) = discounted[k];
            var tail = series[quantity][^1] * Math.Exp(-rate * tEnd) / rate;
            present.Add((quantity, rate, xEnd[nStates + k] + tail));
        }
        return new SimulationResult(Regime.Name, times,
            series.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<double>)kv.Value), steady, tol, present, steps, rejected) { Method = method };
    }

    /// <summary>
    /// Why an instant has no solution, when the reason is the model's: the conditions solved again with the
    /// unknowns free of their domains (positive ones kept positive) have a solution, and it lies outside
    /// the domain. Null when they have none either (then the solver's own reason stands).
    /// </summary>
    string? OutsideDomain(Dictionary<Symbol, double> known, Dictionary<Symbol, double> guess)
    {
        _instantUnbounded ??= RawSolver.Prepare(_instantRaw.WithKnown(known) with
        {
            Unknowns = _instantRaw.Unknowns.Select(u => u.Symbol.Sign == SymbolSign.Positive ? RawUnknown.Positive(u.Symbol) : RawUnknown.Free(u.Symbol)).ToList(),
        });
        var solution = _instantUnbounded.Solve(known, SolveOptions.Default with { InitialGuess = guess });
        if (!solution.Success) return null;
        var at = new Dictionary<Symbol, double>(known);
        foreach (var (symbol, value) in solution.Values) at[symbol] = value;
        return Violations(at);
    }

    /// <summary>Which unknowns lie outside their domains at a solution of the instant (null when none does).</summary>
    string? Violations(IReadOnlyDictionary<Symbol, double> at)
    {
        var reasons = new List<string>();
        foreach (var u in _instantRaw.Unknowns)
        {
            double v = at[u.Symbol];
            double lo = u.Lower is null ? double.NegativeInfinity : Evaluator.Evaluate(u.Lower, at);
            double hi = u.Upper is null ? double.PositiveInfinity : Evaluator.Evaluate(u.Upper, at);
            bool below = u.LowerStrict ? !(v > lo) : !(v >= lo), above = u.UpperStrict ? !(v < hi) : !(v <= hi);
            if (!(below || above)) continue;
            // A bound that is an expression is given its value there too (aR < aD, say).
            var bound = above ? u.Upper : u.Lower;
            reasons.Add($"{u.Symbol.Name} = {v:G6} would lie outside its domain {u}{(bound is Number ? "" : $" ({bound} = {(above ? hi : lo):G6})")}");
        }
        return reasons.Count == 0 ? null : string.Join("; ", reasons);
    }

    string StatesText(double[] states) =>
        string.Join(", ", Regime.States.Select((s, i) => $"{s.Symbol.Name} = {states[i]:G6}"));

    /// <summary>
    /// Steady: over the last half of the time elapsed, [t/2, t], and at least the last 5 accepted steps
    /// (a stiff integrator may cross that half in one step), no state moved by more than the tolerance relative to its value (or to 1e-3 when smaller).
    /// Rates are not used: near a fast-relaxing steady state they carry the integrator's own error
    /// divided by the short time constant, while the states themselves stay put.
    /// </summary>
    static bool Settled(List<double> times, Dictionary<string, List<double>> series, List<string> states, double tol)
    {
        int last = times.Count - 1;
        var t = times[last];
        if (t <= 0) return false;
        if (last < 5) return false;
        int from = times.BinarySearch(t / 2);
        if (from < 0) from = ~from;
        from = Math.Min(from, last - 5);
        foreach (var name in states)
        {
            var s = series[name];
            var scale = tol * Math.Max(Math.Abs(s[last]), 1e-3);
            for (int k = from; k < last; k++)
                if (Math.Abs(s[k] - s[last]) > scale) return false;
        }
        return true;
    }

    /// <summary>No state moved by more than the tolerance (relative, or to 1e-3 when smaller) since step <paramref name="from"/>.</summary>
    static bool Unmoved(Dictionary<string, List<double>> series, List<string> states, int from, double tol)
    {
        foreach (var name in states)
        {
            var s = series[name];
            var scale = tol * Math.Max(Math.Abs(s[^1]), 1e-3);
            for (int k = from; k < s.Count; k++)
                if (Math.Abs(s[k] - s[^1]) > scale) return false;
        }
        return true;
    }

    Dictionary<string, double> StartValues(Dictionary<Symbol, double> values)
    {
        var start = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (s, v) in values) start[s.Name] = v;
        if (Start?.Invoke(_model.Parameters.ToDictionary(p => p.Symbol.Name, p => values[p.Symbol])) is { } derived)
        {
            foreach (var (name, v) in derived) start.TryAdd(name, v);
            return start;
        }
        var parameters = _model.Parameters.ToDictionary(p => p.Symbol, p => values[p.Symbol]);
        var solution = _start.Solve(parameters);
        if (!solution.Success)
            throw new NumericFailure($"{Regime.Name}: the start regime '{Regime.StartRegime}' has no solution here: {solution.Solution.FailureReason}");
        foreach (var (s, v) in solution.Equilibrium!) start[s.Name] = v;
        return start;
    }

    static double Evaluate(Expr e, IReadOnlyDictionary<string, double> values, string what)
    {
        var map = new Dictionary<Symbol, double>();
        foreach (var s in e.FreeSymbols())
            map[s] = values.TryGetValue(s.Name, out var v) ? v : throw new NumericFailure($"{what} needs '{s.Name}', which the start regime does not give");
        var result = Evaluator.Evaluate(e, map);
        return double.IsFinite(result) ? result : throw new NumericFailure($"{what} has no finite value");
    }

    static RawUnknown RawUnknownOf(Unknown u)
    {
        Expr? lower = null, upper = null;
        bool lowerStrict = true, upperStrict = true;
        foreach (var r in u.Domain)
        {
            var (side, op) = r.Left == u.Symbol ? (r.Right, r.Operator) : r.Right == u.Symbol ? (r.Left, Flip(r.Operator)) : (null, r.Operator);
            if (side is null) continue;
            if (op is RelationOperator.Greater or RelationOperator.GreaterOrEqual) { lower = side; lowerStrict = op == RelationOperator.Greater; }
            if (op is RelationOperator.Less or RelationOperator.LessOrEqual) { upper = side; upperStrict = op == RelationOperator.Less; }
        }
        return new RawUnknown(u.Symbol, lower, upper, lowerStrict, upperStrict);
    }

    static RelationOperator Flip(RelationOperator op) => op switch
    {
        RelationOperator.Less => RelationOperator.Greater,
        RelationOperator.LessOrEqual => RelationOperator.GreaterOrEqual,
        RelationOperator.Greater => RelationOperator.Less,
        RelationOperator.GreaterOrEqual => RelationOperator.LessOrEqual,
        _ => op,
    };

    /// <summary>Which of a state's numeric bounds are strict (K > 0): the path may not reach them.</summary>
    static (bool Lower, bool Upper) StrictBounds(Symbol s, IReadOnlyList<Relation> domain)
    {
        bool lower = false, upper = false;
        foreach (var r in domain)
        {
            var (side, op) = r.Left == s ? (r.Right, r.Operator) : r.Right == s ? (r.Left, Flip(r.Operator)) : (null, r.Operator);
            if (side is not Number) continue;
            if (op is RelationOperator.Greater or RelationOperator.GreaterOrEqual) lower = op == RelationOperator.Greater;
            if (op is RelationOperator.Less or RelationOperator.LessOrEqual) upper = op == RelationOperator.Less;
        }
        return (lower, upper);
    }

    /// <summary>A state's numeric bounds from the relations of its domain with a number on the other side.</summary>
    static (double? Lower, double? Upper) ConstantBounds(Symbol s, IReadOnlyList<Relation> domain)
    {
        double? lower = null, upper = null;
        foreach (var r in domain)
        {
            var (side, op) = r.Left == s ? (r.Right, r.Operator) : r.Right == s ? (r.Left, Flip(r.Operator)) : (null, r.Operator);
            if (side is not Number n) continue;
            if (op is RelationOperator.Greater or RelationOperator.GreaterOrEqual) lower = n.Value.ToDouble();
            if (op is RelationOperator.Less or RelationOperator.LessOrEqual) upper = n.Value.ToDouble();
        }
        return (lower, upper);
    }
}
