namespace Verify.Symbolic.Core;

/// <summary>Replaces sub-expressions (usually symbols) by others, re-canonicalising on the way up.</summary>
public static class Substitution
{
    public static Expr Substitute(this Expr e, IReadOnlyDictionary<Expr, Expr> map, ISignOracle? oracle = null)
    {
        if (map.Count == 0) return e;
        oracle ??= StructuralSign.Instance;
        return Walk(e);

        Expr Walk(Expr node)
        {
            StackGuard.Ensure();
            if (map.TryGetValue(node, out var replacement)) return replacement;
            if (node is Integral i && map.ContainsKey(i.Variable))
            {
                // The integration variable is bound: substitute only in the limits.
                var lo = Walk(i.Lower); var hi = Walk(i.Upper);
                var inner = map.Where(kv => !kv.Key.Equals(i.Variable)).ToDictionary(kv => kv.Key, kv => kv.Value);
                return Canonical.Integral(i.Body.Substitute(inner, oracle), i.Variable, lo, hi);
            }
            var kids = node.Children;
            if (kids.Count == 0) return node;
            Expr[]? changed = null;
            for (int k = 0; k < kids.Count; k++)
            {
                var c = Walk(kids[k]);
                if (!ReferenceEquals(c, kids[k])) { changed ??= [.. kids]; changed[k] = c; }
            }
            return changed is null ? node : Canonical.Rebuild(node, changed, oracle);
        }
    }

    /// <summary>
    /// Definitions written out until none is left (a few rounds at most): a definition may name
    /// another defined symbol (rho in beta = rho/(sigma - 1), with rho itself given by a claim).
    /// </summary>
    public static Expr SubstituteDefinitions(this Expr e, IReadOnlyDictionary<Expr, Expr> definitions)
    {
        for (int round = 0; round < 4; round++)
        {
            var next = e.Substitute(definitions);
            if (next.Equals(e)) break;
            e = next;
        }
        return e;
    }

    public static Expr Substitute(this Expr e, Expr target, Expr replacement, ISignOracle? oracle = null) =>
        e.Substitute(new Dictionary<Expr, Expr> { [target] = replacement }, oracle);
}
