using Verify.Derivation.Evaluation;

namespace Verify.Derivation.Dynamics;

public sealed partial class DynamicSimulator
{
    sealed partial class PathFollower
    {
        // The fast/slow reduction: a state that relaxes to its balance far faster than the others move is held there.

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
            double v0 = _balance[i];
            double r0 = RateAt(t, i, states, v0);
            if (r0 == 0) return v0;
            int dir = Math.Sign(r0);
            if (dir < 0 && v0 <= lo || dir > 0 && v0 >= hi) return v0;
            // The first step: twice the balance's last move (it moves little from one stage to the next), at most 1e-4.
            double sa = S(v0), step = _balanceMove[i] > 0 ? Math.Clamp(2 * _balanceMove[i], 1e-10, 1e-4) : 1e-4, sb;
            double fa = r0, fb;
            bool atSb;   // whether _values holds the instant at V(sb), the last probe made
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
            _balanceMove[i] = Math.Abs(S(found) - S(v0));
            return found;
        }

        // Tikhonov: a state that relaxes to its balance on a time scale 1/lambda below the tolerance times the
        // time scale of the other states follows that balance to within the tolerance, relative. Its law is then
        // not integrated: the state is held at the balance (the sliding regime), which the integrator would
        // otherwise chatter about, as when relocation overshoots a balance far below the absolute tolerance or
        // tracks a cut-off where the marginal mover's gain has a kink. Only a state bounded on both sides
        // qualifies: its balance is searched within those bounds.

        int? Fast(double t, double[] x, double[] rates)
        {
            int? found = null;
            for (int i = 0; i < _nStates && found is null; i++)
            {
                if (Regime.States[i].Held || _stateBounds[i] is not ({ } lo, { } hi)) continue;
                double others = 0;
                for (int j = 0; j < _nStates; j++)
                    if (j != i) others = Math.Max(others, Math.Abs(rates[j]) / Math.Max(Math.Abs(x[j]), 1e-3));
                Array.Copy(x, _probe, _nStates);
                Project(_probe);
                if (!(others <= _separation * Relaxation(t, i, _probe, x[i]))) continue;
                // The jump to the balance skips the way there, so the state must relax that fast at the balance
                // too (relocation is fastest next to aR = 0: from the kick at y = 1e-12 to a balance near 1e-47
                // it only speeds up, while to a balance at aR = 0.4 it slows to the pace of entry).
                _balance[i] = _probe[i];
                var end = Balance(t, i, _probe);
                if (others <= _separation * Relaxation(t, i, _probe, end)) found = i;
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
            if (_slavedState is not int i) return false;
            double others = 0;
            for (int j = 0; j < _nStates; j++)
                if (j != i) others = Math.Max(others, Math.Abs(rates[j]) / Math.Max(Math.Abs(x[j]), 1e-3));
            Array.Copy(x, _probe, _nStates);
            Project(_probe);
            if (others <= 10 * _separation * Relaxation(t, i, _probe, _balance[i])) return false;
            _switchTo = i;
            return true;
        }
    }
}
