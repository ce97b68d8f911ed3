using Verify.Derivation.Evaluation;

namespace Verify.Derivation.Dynamics;

public sealed partial class DynamicSimulator
{
    sealed partial class PathFollower
    {
        // Recording each accepted point, and telling when the path is steady.

        bool Observe(double t, double[] x, double[] rates)
        {
            // The stiff integrator resumes at the last accepted point, which is recorded already.
            if (_resuming) { _resuming = false; return false; }
            _beyond = null;
            _lastT = t;
            Array.Copy(x, _lastX, x.Length);
            // The rates were computed at x, so _values holds x's unknowns.
            _quantities(_values, _quantityValues);
            _times.Add(t);
            for (int i = 0; i < _nStates; i++) _series[_names[i]].Add(i == _slavedState ? _balance[i] : x[i]);
            for (int j = 0; j < _nUnknowns; j++) _series[_names[_nStates + j]].Add(_values[_unknownAt + j]);
            for (int q = 0; q < _quantityValues.Length; q++) _series[_names[_nStates + _nUnknowns + q]].Add(_quantityValues[q]);
            if (_quantityValues.Any(v => !double.IsFinite(v)))
                throw new NumericFailure($"{Regime.Name}: a quantity has no finite value at t = {t:G6}");
            if (_slavedState is null ? Fast(t, x, rates) is int fast && (_switchTo = fast) is not null
                : Released(t, x, rates)) return true;
            // Settled once is not enough (a slow mode can move less than the tolerance over [t/2, t]):
            // the path goes on to four times that moment and must have stayed put since.
            // A held state is not integrated but solved from the others at each instant, so it is steady when they
            // are; it is left out because it can amplify their accuracy: at the standard point y moves twenty times
            // as much, relative, as K, and K's tolerance-sized jitter at the explicit method's stability limit
            // (relaxation at rate 0.5, steps of 6.5) kept y from settling until t = 838.
            var stateNames = _names.Take(_nStates).Where((_, i) => i != _slavedState).ToList();
            // Rates that are zero to the precision the instant is solved to, at five accepted steps running, say
            // nothing more: no law can tell the states to move. On a continuum of steady states (relocation
            // balancing B = B*, where the two free-entry conditions coincide) the stiff method's long steps would
            // otherwise carry that rounding along the continuum without end, and the states never settle.
            // The rest must be stable: at an unstable one (agglomeration about to start) the rates are as small.
            // Solving the instant twice more is asked only of a path whose states barely move (relative rates under
            // 1e-6): rounding-level rates are far below that, and most steps of a moving path are spared it.
            _roundingRun = Quiet(x, rates) && AtRoundingLevel(t, x) ? _roundingRun + 1 : 0;
            if (_roundingRun >= 5 && StableRest(t, x, _rateScratch))
            {
                _atRounding = t;
                return _steady = true;
            }
            // Every state's relative rate must also have fallen to RateDecay times its largest so far:
            // a path that has barely started moves less than the tolerance over [t/2, t] too.
            bool decayed = true;
            for (int i = 0; i < _nStates; i++)
            {
                var relative = Math.Abs(rates[i]) / Math.Max(Math.Abs(x[i]), 1e-3);
                _peakRates[i] = Math.Max(_peakRates[i], relative);
                if (relative > RateDecay * _peakRates[i]) decayed = false;
            }
            // A path that starts next to its steady state (relocation balancing at once, entry barely moving)
            // has no transient whose rates could decay: there each state must instead be within ten times
            // the tolerance (the documented accuracy of end values) of where its rate vanishes, by one Newton step.
            // Once near rest, a path that stays settled (and holds the same state) is taken to stay near rest: each test
            // solves the instant once per state, with a balance search when a state is held, at every step until
            // t is four times the moment it settled.
            if (!decayed)
            {
                if (!Settled(_times, _series, stateNames, _tol)) _nearRestWith = null;
                else if (_nearRestWith == (_slavedState ?? -1)) decayed = true;
                else if (NearRest(t, x, rates)) { _nearRestWith = _slavedState ?? -1; decayed = true; }
            }
            if (!decayed) { _settledAt = null; return false; }
            if (_settledAt is null) { if (Settled(_times, _series, stateNames, _tol)) _settledAt = _times.Count - 1; return false; }
            if (t < 4 * _times[_settledAt.Value] && t < _options.Until) return false;
            _steady = Settled(_times, _series, stateNames, _tol) && Unmoved(_series, stateNames, _settledAt.Value, _tol);
            if (!_steady) { _settledAt = null; _nearRestWith = null; }
            return _steady;
        }

        bool Quiet(double[] x, double[] rates)
        {
            for (int i = 0; i < _nStates; i++)
                if (i != _slavedState && !(Math.Abs(rates[i]) <= 1e-6 * Math.Max(Math.Abs(x[i]), 1e-3))) return false;
            return true;
        }

        // Every rate within ten times its rounding: how far it moves when the instant is solved again, to the same
        // tolerance, from its unknowns moved by 1e-7 (relative) one way and the other -- the noise the path's own
        // instants carry (kept in rounding[]). Perturbing one unknown at a time would overstate it where a law
        // depends on a difference of unknowns (relocation on B - B*), whose errors go together.
        // Leaves _values holding x's instant.
        bool AtRoundingLevel(double t, double[] x)
        {
            // The probes since x was accepted (Fast's) have left other instants in _values.
            var rates = _rateScratch;
            Rates(t, x, rates);
            var solved = _solvedUnknowns;
            Array.Copy(_values, _unknownAt, solved, 0, _nUnknowns);
            Array.Clear(_rounding);
            bool resolved = true;
            foreach (var sign in Signs)
            {
                for (int j = 0; j < _nUnknowns; j++) _resolvedUnknowns[j] = solved[j] * (1 + sign * 1e-7 * (j % 2 == 0 ? 1 : -1));
                if (!_newton.TrySolve(_residuals, _resolvedUnknowns, _positive, 1e-13)) { resolved = false; break; }
                Array.Copy(_resolvedUnknowns, 0, _values, _unknownAt, _nUnknowns);
                _laws(_values, _lawScratch);
                for (int i = 0; i < _nStates; i++)
                    if (_lawScratch[2 * i + 1] != 0) _rounding[i] = Math.Max(_rounding[i], Math.Abs(-_lawScratch[2 * i] / _lawScratch[2 * i + 1] - rates[i]));
            }
            Array.Copy(solved, 0, _values, _unknownAt, _nUnknowns);
            _laws(_values, _lawValues);
            if (!resolved) return false;
            for (int i = 0; i < _nStates; i++)
                if (i != _slavedState && !Regime.States[i].Held && !(Math.Abs(rates[i]) <= 10 * _rounding[i])) return false;
            return true;
        }

        // No eigenvalue of the rates' Jacobian (forward differences, the held states left out) has a real part
        // above what the rates' rounding can make of an entry (a continuum of rest points has eigenvalues that
        // are 0 but for it; an unstable rest, agglomeration about to start, a clearly positive one).
        // Call after AtRoundingLevel, whose rounding[] it uses.
        bool StableRest(double t, double[] x, double[] rates)
        {
            var moving = Enumerable.Range(0, _nStates).Where(i => i != _slavedState && !Regime.States[i].Held).ToArray();
            if (moving.Length == 0) return true;
            var saved = (double[])rates.Clone();
            var jacobian = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(moving.Length, moving.Length);
            double noise = 0;
            for (int c = 0; c < moving.Length; c++)
            {
                int j = moving[c];
                double dx = 1e-6 * Math.Max(Math.Abs(x[j]), 1e-3);
                Array.Copy(x, _probe, x.Length);
                _probe[j] = x[j] + dx;
                try { Rates(t, _probe, _rateScratch); }
                catch (StageOutsideDomain) { Rates(t, x, _rateScratch); return false; }
                for (int r = 0; r < moving.Length; r++)
                {
                    jacobian[r, c] = (_rateScratch[moving[r]] - saved[moving[r]]) / dx;
                    noise += Math.Pow(20 * _rounding[moving[r]] / dx, 2);
                }
            }
            Rates(t, x, _rateScratch);
            return jacobian.Evd().EigenValues.All(e => e.Real <= Math.Sqrt(noise));
        }

        bool NearRest(double t, double[] x, double[] rates)
        {
            var at = (double[])x.Clone();
            var saved = (double[])rates.Clone();
            for (int i = 0; i < _nStates; i++)
            {
                if (i == _slavedState || saved[i] == 0) continue;
                double dx = 1e-6 * Math.Max(Math.Abs(x[i]), 1e-3);
                Array.Copy(x, _probe, x.Length);
                _probe[i] = x[i] + dx;
                try { Rates(t, _probe, _rateScratch); }
                catch (StageOutsideDomain) { Rates(t, at, _rateScratch); return false; }
                var slope = (_rateScratch[i] - saved[i]) / dx;
                if (!(slope < 0) || Math.Abs(saved[i] / slope) > 10 * _tol * Math.Max(Math.Abs(x[i]), 1e-3)) { Rates(t, at, _rateScratch); return false; }
            }
            Rates(t, at, _rateScratch);
            return true;
        }

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
    }
}
