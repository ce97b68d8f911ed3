using Verify.Symbolic.Core;

namespace Verify.Symbolic.Assumptions;

/// <summary>
/// Exact linear reasoning by Fourier–Motzkin elimination over the rationals, keeping track of
/// strict and non-strict inequalities. Projecting the constraints onto a target form gives the
/// exact set of values the target can take under them (its atoms treated as independent
/// unknowns), so a sign read off that set is proved: the target equals a non-negative
/// combination of constraints plus a constant of that sign.
/// </summary>
public static class FourierMotzkin
{
    /// <summary>Rows beyond this give up (sound: the answer is then "anything").</summary>
    public const int RowLimit = 4000;

    sealed class Row(Rational[] a, Rational k, LinearKind kind)
    {
        public readonly Rational[] A = a;   // coefficients; the last is the target variable
        public Rational K = k;              // constant
        public readonly LinearKind Kind = kind;
    }

    /// <summary>
    /// The values of <paramref name="target"/> allowed by the constraints: Empty when they are
    /// contradictory, Full when nothing is implied (or the elimination grew too large).
    /// </summary>
    public static Interval Project(IEnumerable<LinearConstraint> constraints, LinearForm target) =>
        Eliminate(Relevant(constraints.ToList(), target), target);

    /// <summary>True unless the constraints are contradictory (over the reals, atoms independent).</summary>
    public static bool IsFeasible(IEnumerable<LinearConstraint> constraints) =>
        !Eliminate(constraints.ToList(), new LinearForm(new Dictionary<Expr, Rational>(), Rational.Zero)).IsEmpty;

    static Interval Eliminate(List<LinearConstraint> relevant, LinearForm target)
    {
        var atoms = relevant.SelectMany(c => c.Form.Coefficients.Keys).Concat(target.Coefficients.Keys).Distinct().ToList();
        var index = atoms.Select((a, i) => (a, i)).ToDictionary(t => t.a, t => t.i);
        int n = atoms.Count, t = n;

        var rows = new List<Row>();
        foreach (var c in relevant) rows.Add(ToRow(c.Form, c.Kind, index, n + 1));
        // T - target = 0.
        var tr = ToRow(target, LinearKind.EqualZero, index, n + 1);
        for (int i = 0; i < n; i++) tr.A[i] = -tr.A[i];
        tr.K = -tr.K;
        tr.A[t] = Rational.One;
        rows.Add(tr);

        var remaining = new HashSet<int>(Enumerable.Range(0, n));
        while (true)
        {
            rows = Prune(rows, out var infeasible);
            if (infeasible) return Interval.Empty;
            if (rows.Count > RowLimit) return Interval.Full;
            remaining.RemoveWhere(v => rows.All(r => r.A[v].IsZero));
            if (remaining.Count == 0) break;

            var eq = rows.FirstOrDefault(r => r.Kind == LinearKind.EqualZero && remaining.Any(v => !r.A[v].IsZero));
            if (eq is not null)
            {
                var v = remaining.First(v => !eq.A[v].IsZero);
                rows.Remove(eq);
                foreach (var r in rows)
                {
                    if (r.A[v].IsZero) continue;
                    var m = r.A[v] / eq.A[v];
                    for (int i = 0; i <= n; i++) r.A[i] -= m * eq.A[i];
                    r.K -= m * eq.K;
                }
                remaining.Remove(v);
                continue;
            }

            var best = remaining.MinBy(v =>
            {
                long p = rows.Count(r => r.A[v].Sign > 0), q = rows.Count(r => r.A[v].Sign < 0);
                return p * q - p - q;
            });
            var next = new List<Row>();
            var pos = rows.Where(r => r.A[best].Sign > 0).ToList();
            var neg = rows.Where(r => r.A[best].Sign < 0).ToList();
            next.AddRange(rows.Where(r => r.A[best].IsZero));
            foreach (var p in pos)
                foreach (var q in neg)
                {
                    var mp = -q.A[best]; var mq = p.A[best];   // both positive
                    var a = new Rational[n + 1];
                    for (int i = 0; i <= n; i++) a[i] = mp * p.A[i] + mq * q.A[i];
                    a[best] = Rational.Zero;
                    var kind = p.Kind == LinearKind.AboveZero || q.Kind == LinearKind.AboveZero ? LinearKind.AboveZero : LinearKind.AtLeastZero;
                    next.Add(new Row(a, mp * p.K + mq * q.K, kind));
                }
            rows = next;
            remaining.Remove(best);
        }

        var result = Interval.Full;
        foreach (var r in rows)
        {
            var a = r.A[t];
            if (a.IsZero) continue;
            var x = -r.K / a;
            result = result.Intersect(r.Kind switch
            {
                LinearKind.EqualZero => Interval.Point(x),
                _ when a.Sign > 0 => Interval.Of(x, r.Kind == LinearKind.AtLeastZero, null, false),
                _ => Interval.Of(null, false, x, r.Kind == LinearKind.AtLeastZero),
            });
        }
        return result;
    }

    /// <summary>The constraints connected to the target's atoms (others cannot affect it).</summary>
    static List<LinearConstraint> Relevant(List<LinearConstraint> all, LinearForm target)
    {
        var atoms = new HashSet<Expr>(target.Coefficients.Keys);
        var taken = new bool[all.Count];
        var result = new List<LinearConstraint>();
        bool grew = true;
        while (grew)
        {
            grew = false;
            for (int i = 0; i < all.Count; i++)
            {
                if (taken[i]) continue;
                var c = all[i];
                if (c.Form.Coefficients.Count > 0 && !c.Form.Coefficients.Keys.Any(atoms.Contains)) continue;
                taken[i] = true; grew = true;
                result.Add(c);
                atoms.UnionWith(c.Form.Coefficients.Keys);
            }
        }
        return result;
    }

    static Row ToRow(LinearForm f, LinearKind kind, Dictionary<Expr, int> index, int width)
    {
        var a = new Rational[width];
        for (int i = 0; i < width; i++) a[i] = Rational.Zero;
        foreach (var (atom, c) in f.Coefficients) a[index[atom]] = c;
        return new Row(a, f.Constant, kind);
    }

    /// <summary>Scales rows, checks constant ones, and keeps only the strongest of parallel inequalities.</summary>
    static List<Row> Prune(List<Row> rows, out bool infeasible)
    {
        infeasible = false;
        var kept = new List<Row>();
        var byDirection = new Dictionary<string, int>();
        foreach (var r in rows)
        {
            var scale = Rational.Zero;
            foreach (var x in r.A) { var ax = x.Abs(); if (ax > scale) scale = ax; }
            if (scale.IsZero)
            {
                var ok = r.Kind switch
                {
                    LinearKind.EqualZero => r.K.IsZero,
                    LinearKind.AtLeastZero => r.K.Sign >= 0,
                    _ => r.K.Sign > 0,
                };
                if (!ok) { infeasible = true; return []; }
                continue;
            }
            for (int i = 0; i < r.A.Length; i++) r.A[i] /= scale;
            r.K /= scale;
            if (r.Kind == LinearKind.EqualZero) { kept.Add(r); continue; }
            var key = string.Join(",", r.A.Select(x => x.ToString()));
            if (byDirection.TryGetValue(key, out var at))
            {
                var old = kept[at];
                // Σ a·x + k ≥ 0 is stronger with the smaller k; at equal k the strict one is stronger.
                if (r.K < old.K || (r.K == old.K && r.Kind == LinearKind.AboveZero)) kept[at] = r;
                continue;
            }
            byDirection[key] = kept.Count;
            kept.Add(r);
        }
        return kept;
    }
}
