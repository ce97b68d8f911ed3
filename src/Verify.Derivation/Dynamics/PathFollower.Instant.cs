using Verify.Derivation.Evaluation;
using Verify.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Dynamics;

public sealed partial class DynamicSimulator
{
    sealed partial class PathFollower
    {
        // Solving an instant: the unknowns from the states (Newton from the last instant, the first-principles solver
        // when that fails), and the states' rates there.

        bool Instant(double[] states)
        {
            Array.Copy(states, 0, _values, _stateAt, _nStates);
            if (_solvedOnce)
            {
                Array.Copy(_unknowns, _previousUnknowns, _nUnknowns);
                if (_newton.TrySolve(_residuals, _unknowns, _positive, 1e-13))
                {
                    if (WithinBounds()) return true;
                    // Newton, from the last instant, followed the equilibrium out of the domain (it keeps positive
                    // unknowns positive but knows no other bound): the model has no equilibrium here.
                    var atNewton = new Dictionary<Symbol, double>();
                    for (int i = 0; i < _frame.Length; i++) atNewton[_frame[i]] = _values[i];
                    _outside = _simulator.Violations(atNewton);
                    Array.Copy(_previousUnknowns, _unknowns, _nUnknowns);
                    if (_outside is not null) { _failure = _outside; return false; }
                }
                else Array.Copy(_previousUnknowns, _unknowns, _nUnknowns);
                // A probe of the balance search walks on from instants solved already: where Newton cannot follow
                // the equilibrium (a fold, the edge of the domain) the search goes no further, and the slow
                // first-principles solver is not asked.
                if (_probing) { _failure = "Newton could not follow the instant"; return false; }
            }
            var known = new Dictionary<Symbol, double>();
            for (int i = 0; i < _unknownAt; i++) known[_frame[i]] = _values[i];
            var guess = new Dictionary<Symbol, double>();
            for (int j = 0; j < _nUnknowns; j++) if (double.IsFinite(_unknowns[j])) guess[_frame[_unknownAt + j]] = _unknowns[j];
            _simulator._instantFallback ??= RawSolver.Prepare(_instantRaw.WithKnown(known));
            var solution = _simulator._instantFallback.Solve(known, SolveOptions.Default with { InitialGuess = guess });
            if (!solution.Success) { _failure = solution.FailureReason; _outside = _simulator.OutsideDomain(known, guess); return false; }
            for (int j = 0; j < _nUnknowns; j++) _unknowns[j] = solution.Values[_frame[_unknownAt + j]];
            // Polish with Newton so that every instant is solved to the same relative residual.
            _newton.TrySolve(_residuals, _unknowns, _positive, 1e-13);
            Array.Copy(_unknowns, 0, _values, _unknownAt, _nUnknowns);
            _solvedOnce = true;
            return true;
        }

        // Leaves _values holding the unknowns.
        bool WithinBounds()
        {
            Array.Copy(_unknowns, 0, _values, _unknownAt, _nUnknowns);
            _unknownBounds(_values, _boundValues);
            for (int k = 0; k < _boundValues.Length; k++)
            {
                var (j, upper, strict) = _unknownBoundOf[k];
                double u = _unknowns[j], b = _boundValues[k];
                bool inside = upper ? (strict ? u < b : u <= b) : (strict ? u > b : u >= b);
                if (!inside) return false;
            }
            return true;
        }

        bool Residuals(double[] u, double[] r)
        {
            Array.Copy(u, 0, _values, _unknownAt, _nUnknowns);
            _conditions(_values, _residualSides);
            for (int i = 0; i < _nUnknowns; i++)
            {
                double l = _residualSides[2 * i], rr = _residualSides[2 * i + 1];
                r[i] = (l - rr) / (Math.Abs(l) + Math.Abs(rr) + 1e-300);
                if (!double.IsFinite(r[i])) return false;
            }
            return true;
        }

        void Rates(double t, double[] x, double[] rates)
        {
            // The integrator's trial stages may overshoot a bound of a state's domain (y just below 0,
            // where aR = y^(1/(rho + sigma - 1)) has no value): the rates there are those at the nearest
            // point of the domain, where the bound rule below stops the outward motion.
            for (int i = 0; i < _nStates; i++)
            {
                var (lower, upper) = _stateBounds[i];
                if (_strictBounds[i].Lower && lower is { } lo && x[i] <= lo || _strictBounds[i].Upper && upper is { } hi && x[i] >= hi)
                    throw new StageOutsideDomain($"{Regime.Name}: {Regime.States[i].Symbol.Name} = {x[i]:G6} at t = {t:G6} is outside its domain");
            }
            Array.Copy(x, _inDomain, _nStates);
            Project(_inDomain);
            // A trial stage where the model has no equilibrium (or the solver finds none) is rejected like one outside
            // a state's domain: a first step as long as the whole span may land anywhere. The reason stands if the
            // path cannot get past it (see beyond).
            try
            {
                if (_slavedState is int sl) _inDomain[sl] = _balance[sl] = Balance(t, sl, _inDomain);
                else SolveInstant(t, _inDomain);
            }
            catch (NumericFailure e) when (e is not StageOutsideDomain) { _beyond = e; throw new StageOutsideDomain(e.Message); }
            _laws(_values, _lawValues);
            for (int i = 0; i < _nStates; i++)
            {
                var state = Regime.States[i];
                if (i == _slavedState) { rates[i] = 0; continue; }
                // A law whose coefficient of diff(x, t) vanishes (no Southern capital left to move, say) leaves x where it is.
                double rate = state.Held || _lawValues[2 * i + 1] == 0 ? 0 : -_lawValues[2 * i] / _lawValues[2 * i + 1];
                var (lower, upper) = _stateBounds[i];
                if (lower is { } lo && _inDomain[i] <= lo && rate < 0 || upper is { } hi && _inDomain[i] >= hi && rate > 0) rate = 0;
                rates[i] = rate;
            }
            if (_discounted.Count > 0)
            {
                _quantities(_values, _quantityValues);
                for (int k = 0; k < _discounted.Count; k++)
                    rates[_nStates + k] = Math.Exp(-_discounted[k].Rate * t) * _quantityValues[_discountIndex[k]];
            }
        }

        void SolveInstant(double t, double[] states)
        {
            if (!Instant(states))
            {
                if (_outside is not null)
                    throw new NoInstantEquilibrium($"{Regime.Name}: at t = {t:G6} the path reaches a state ({_simulator.StatesText(states)}) where the model "
                        + $"has no instantaneous equilibrium: {_outside}");
                throw new NumericFailure($"{Regime.Name}: the instantaneous conditions have no solution at t = {t:G6} "
                    + $"({_simulator.StatesText(states)}): {_failure}");
            }
        }

        // The rate of state i at the given states with that state set to v (_values then holds that instant).
        double RateAt(double t, int i, double[] states, double v)
        {
            states[i] = v;
            SolveInstant(t, states);
            return LawRate(i);
        }

        // State i's rate at the instant in _values.
        double LawRate(int i)
        {
            _laws(_values, _lawValues);
            return _lawValues[2 * i + 1] == 0 ? 0 : -_lawValues[2 * i] / _lawValues[2 * i + 1];
        }

        // A probe of the balance search: null where Newton cannot follow the instant there (see Instant).
        double? TryRateAt(double t, int i, double[] states, double v)
        {
            _probing = true;
            try
            {
                // RateAt without the exception (and its message) where the instant has no solution: the balance
                // search probes thousands of such values on a path.
                states[i] = v;
                return Instant(states) ? LawRate(i) : null;
            }
            catch (NumericFailure) { return null; }
            finally { _probing = false; }
        }

        // Leaves _values holding the instant at the balance.
        double BalanceAt(double t, int i, double[] states, double v)
        {
            RateAt(t, i, states, v);
            return v;
        }

        void Project(double[] x)
        {
            for (int i = 0; i < _nStates; i++)
            {
                var (lower, upper) = _stateBounds[i];
                if (lower is { } lo && x[i] < lo) x[i] = lo;
                if (upper is { } hi && x[i] > hi) x[i] = hi;
            }
        }
    }
}
