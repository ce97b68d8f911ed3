using Verify.Derivation.Evaluation;
using Verify.Model.Language;
using Verify.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Dynamics;

public sealed partial class DynamicSimulator
{
    /// <summary>
    /// One path being followed, made afresh for each attempt of <see cref="Run"/>: the values at the current instant,
    /// the unknowns last solved, the state held at its balance (if any) and the series recorded so far. Its parts:
    /// solving an instant and the rates there (PathFollower.Instant.cs), holding a fast state at its balance
    /// (PathFollower.Holds.cs), recording the path and telling when it is steady (PathFollower.Steady.cs).
    /// </summary>
    sealed partial class PathFollower
    {
        readonly DynamicSimulator _simulator;
        // The simulator's compiled forms and bounds, under the simulator's names.
        readonly Symbol[] _frame;
        readonly int _stateAt, _unknownAt;
        readonly Action<double[], double[]> _conditions, _laws, _quantities, _unknownBounds;
        readonly RawSystem _instantRaw;
        readonly bool[] _positive;
        readonly (int Unknown, bool Upper, bool Strict)[] _unknownBoundOf;
        readonly (double? Lower, double? Upper)[] _stateBounds;
        readonly (bool Lower, bool Upper)[] _strictBounds;
        DynamicRegime Regime => _simulator.Regime;

        readonly SimulationOptions _options;
        readonly double _tol;
        /// <summary>A state is held at its balance when it relaxes faster than the others' relative rates divided by
        /// this (the relative lag it then has behind its balance).</summary>
        readonly double _separation;
        readonly int _nStates, _nUnknowns;
        readonly double[] _x0;
        /// <summary>The value of each symbol of the simulator's frame at the instant last solved.</summary>
        readonly double[] _values;
        readonly IReadOnlyList<(string Quantity, double Rate)> _discounted;
        readonly int[] _discountIndex;

        // Solving instants.
        readonly double[] _unknowns, _previousUnknowns;
        bool _solvedOnce, _probing;
        readonly double[] _quantityValues, _lawValues, _residualSides, _boundValues, _inDomain;
        readonly InstantNewton _newton;
        readonly InstantNewton.Residuals _residuals;
        string? _failure, _outside;
        NumericFailure? _beyond;   // why a stage since the last accepted step had no instantaneous solution

        // A state whose law relaxes it to a balance far faster than anything else moves is held at that
        // balance (see Fast): the one such state, if any, and its balance at the last instant solved.
        int? _slavedState;
        readonly double[] _balance;
        readonly double[] _balanceMove;   // how far (in Balance's s) each balance moved at its last search
        int? _switchTo;
        readonly double[] _probe;

        // The path recorded, and the steady-state tests.
        readonly List<double> _times = [];
        readonly IReadOnlyList<string> _names;
        readonly Dictionary<string, List<double>> _series;
        bool _steady;
        double? _atRounding;
        int _roundingRun;
        readonly double[] _lawScratch, _resolvedUnknowns, _solvedUnknowns, _rateScratch, _rounding, _peakRates;
        int? _settledAt;
        double _lastT;
        readonly double[] _lastX;
        bool _resuming;
        int? _nearRestWith;   // the held state (-1: none) with which the path was last found near rest, while it stays settled

        public PathFollower(DynamicSimulator simulator, IReadOnlyDictionary<string, double> point, SimulationOptions options, double separation)
        {
            _simulator = simulator;
            (_frame, _stateAt, _unknownAt) = (simulator._frame, simulator._stateAt, simulator._unknownAt);
            (_conditions, _laws, _quantities, _unknownBounds) = (simulator._conditions, simulator._laws, simulator._quantities, simulator._unknownBounds);
            (_instantRaw, _positive, _unknownBoundOf) = (simulator._instantRaw, simulator._positive, simulator._unknownBoundOf);
            (_stateBounds, _strictBounds) = (simulator._stateBounds, simulator._strictBounds);
            (_options, _tol, _separation) = (options, options.Tolerance, separation);

            _values = new double[_frame.Length];
            var values = DomainCheck.Parameters(simulator._model, Regime, point);
            for (int i = 0; i < _stateAt; i++) _values[i] = values[_frame[i]];

            var start = simulator.StartValues(values);
            (_nStates, _nUnknowns) = (Regime.States.Count, Regime.Unknowns.Count);
            _x0 = Regime.States.Select(s => Evaluate(s.Start, start, $"the starting value of {s.Symbol.Name}")).ToArray();
            _unknowns = Regime.Unknowns.Select(u => start.TryGetValue(u.Symbol.Name, out var v) ? v : double.NaN).ToArray();
            _previousUnknowns = new double[_nUnknowns];

            _discounted = options.Discounted;
            _discountIndex = _discounted.Select(d => simulator._forms.Quantities.ToList().FindIndex(q => q.Name.Name == d.Quantity)).ToArray();
            for (int k = 0; k < _discountIndex.Length; k++)
                if (_discountIndex[k] < 0) throw new ArgumentException($"'{Regime.Name}' has no quantity '{_discounted[k].Quantity}' to discount");

            _quantityValues = new double[simulator._forms.Quantities.Count];
            _lawValues = new double[2 * _nStates];
            _residualSides = new double[2 * _nUnknowns];
            _newton = new InstantNewton(_nUnknowns);
            _residuals = Residuals;
            _balance = new double[_nStates];
            _balanceMove = new double[_nStates];
            _boundValues = new double[_unknownBoundOf.Length];
            _inDomain = new double[_nStates];
            _probe = new double[_nStates + _discounted.Count];

            _names = simulator.SeriesNames;
            _series = _names.ToDictionary(n => n, _ => new List<double>());
            _lawScratch = new double[2 * _nStates];
            _resolvedUnknowns = new double[_nUnknowns];
            _solvedUnknowns = new double[_nUnknowns];
            _rateScratch = new double[_nStates + _discounted.Count];
            _rounding = new double[_nStates];
            _peakRates = new double[_nStates];
            _lastX = new double[_nStates + _discounted.Count];
        }

        public SimulationResult Follow()
        {
            var x = new double[_nStates + _discounted.Count];
            Array.Copy(_x0, x, _nStates);
            // A state that starts at a bound of its domain and leaves it (relocation from aR = 0) has a law
            // that is not smooth there: record t = 0, then leave the bound with one Euler step just long
            // enough to take that state to 1e-12, and integrate from there.
            var rates0 = new double[x.Length];
            Rates(0, x, rates0);
            double kick = double.PositiveInfinity;
            for (int i = 0; i < _nStates; i++)
            {
                var (lower, upper) = _stateBounds[i];
                if (lower is { } lo && x[i] == lo && rates0[i] > 0 || upper is { } hi && x[i] == hi && rates0[i] < 0)
                    kick = Math.Min(kick, 1e-12 / Math.Abs(rates0[i]));
            }
            // A path that starts at rest to the rounding (B = B* at the autarky start, trade barely open) pushes the state off
            // its bound so slowly that the kick would outlast the horizon: at most a billionth of it, leaving the state
            // short of 1e-12.
            if (double.IsFinite(kick)) kick = Math.Min(kick, 1e-9 * _options.Until);
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
                    try { Rates(kick, kicked, _rateScratch); break; }
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
                    _switchTo = null;
                    (double T, double[] X, int Steps, int Rejected) segment;
                    int budget = _options.MaxSteps - (_times.Count - 1) - rejected;
                    if (budget <= 0) throw new StepsExhausted($"{Regime.Name}: the path took {_options.MaxSteps} steps without reaching a steady state (stopped at t = {_lastT:G6})");
                    if (!stiff)
                    {
                        try { segment = DormandPrince.Integrate(Rates, t0, x, _options.Until, _tol, _tol * 1e-12, Observe, Project, Math.Min(budget, Math.Max(1, ExplicitBudget - (_times.Count - 1) - rejected))); }
                        catch (NumericFailure) when (_times.Count > 1 && _switchTo is null)
                        {
                            stiff = true;
                            method = "Dormand-Prince 5(4), then Rosenbrock 2(3) once stiff";
                            (t0, x) = (_lastT, (double[])_lastX.Clone());
                            _resuming = true;
                            continue;
                        }
                    }
                    else segment = Rosenbrock23.Integrate(Rates, t0, x, _options.Until, _tol, _tol * 1e-12, Observe, Project, budget);
                    rejected += segment.Rejected;
                    (tEnd, xEnd) = (segment.T, segment.X);
                    if (_switchTo is not int fast) break;
                    (t0, x) = (_lastT, (double[])_lastX.Clone());
                    if (_slavedState is null)
                    {
                        _slavedState = fast;
                        _balance[fast] = _lastX[fast];
                        held.Add($"{Regime.States[fast].Symbol.Name} held at its balance from t = {_lastT:G6}");
                    }
                    else
                    {
                        _slavedState = null;
                        x[fast] = _balance[fast];
                        held[^1] += $" to {_lastT:G6}";
                    }
                    _resuming = true;
                }
            }
            // The path could not get past states where the model has no equilibrium: that is the reason, not the step size.
            catch (NumericFailure e) when (_beyond is not null && e != _beyond && e is not NoInstantEquilibrium) { throw _beyond; }
            // Out of steps: say where the path was, and the held state's balance (a balance below what doubles resolve in
            // the model's own variables, such as a_R = y^(1/(rho + sigma - 1)) underflowing to 0, shows there).
            catch (StepsExhausted e)
            {
                var heldText = _slavedState is int h ? $"; {Regime.States[h].Symbol.Name} held at its balance {_balance[h]:G6}" : "";
                throw new StepsExhausted($"{Regime.Name}: out of steps, {_options.MaxSteps} allowed ({e.Message}); the last accepted point: t = {_lastT:G6}, {_simulator.StatesText(_lastX)}{heldText}");
            }
            int steps = _times.Count - 1;
            if (held.Count > 0) method += "; " + string.Join(", ", held);
            if (_atRounding is { } at) method += $"; steady at t = {at:G6}: every rate within the rounding of the instant's solution, the rest stable";
            var present = new List<(string, double, double)>();
            for (int k = 0; k < _discounted.Count; k++)
            {
                var (quantity, rate) = _discounted[k];
                var tail = _series[quantity][^1] * Math.Exp(-rate * tEnd) / rate;
                present.Add((quantity, rate, xEnd[_nStates + k] + tail));
            }
            return new SimulationResult(Regime.Name, _times,
                _series.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<double>)kv.Value), _steady, _tol, present, steps, rejected) { Method = method };
        }
    }
}
