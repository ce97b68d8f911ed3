using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;

namespace Verify.Model.Language;

/// <summary>
/// Replaces calls to a model's own functions (C(0, aD), g(a), E(...)) by their bodies with the
/// arguments substituted, recursively, so only built-ins (max, min, abs) and integrals remain.
/// A call carrying partials (C'[1](lo, hi)) becomes the derivative of the body by those parameters.
/// </summary>
static class FunctionInliner
{
    public static Expr Inline(ModelDocument model, Expr e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var functions = model.Functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var inlinedBodies = new Dictionary<string, Expr>(StringComparer.Ordinal);
        var expanding = new HashSet<string>(StringComparer.Ordinal);
        return Walk(e);

        Expr Walk(Expr node) => Canonical.Transform(node,
            n => n is Call c && functions.TryGetValue(c.Name, out var f) ? Expand(c, f) : n, StructuralSign.Instance);

        Expr Body(FunctionDefinition f)
        {
            if (inlinedBodies.TryGetValue(f.Name, out var done)) return done;
            // The loader rejects cycles; a document built by hand might still have one.
            if (!expanding.Add(f.Name)) throw new InvalidOperationException($"function '{f.Name}' is defined in terms of itself");
            var body = Walk(f.Body);
            expanding.Remove(f.Name);
            return inlinedBodies[f.Name] = body;
        }

        Expr Expand(Call call, FunctionDefinition f)
        {
            if (call.Arguments.Length != f.Parameters.Count)
                throw new ArgumentException($"'{f.Name}' takes {f.Parameters.Count} argument(s) but was given {call.Arguments.Length}");
            var body = Body(f);
            foreach (var index in call.Partials) body = Differentiation.Derivative(body, f.Parameters[index]);
            var arguments = call.Arguments.SelectMany(a => a.FreeSymbols()).ToHashSet();
            body = RenameCapturedVariables(body, arguments);
            var map = new Dictionary<Expr, Expr>();
            for (int k = 0; k < f.Parameters.Count; k++) map[f.Parameters[k]] = call.Arguments[k];
            // Functions that call each other twice over (f2(x) = f1(f1(x))) double at each level: stop before that explodes.
            return WorkLimit.Check(body.Substitute(map), $"the call of '{f.Name}' with the functions it calls written out");
        }
    }

    /// <summary>Renames each integration variable of <paramref name="body"/> that an argument uses freely, so substitution cannot capture it.</summary>
    static Expr RenameCapturedVariables(Expr body, IReadOnlySet<Symbol> argumentSymbols)
    {
        if (argumentSymbols.Count == 0 || !body.Any(n => n is Integral i && argumentSymbols.Contains(i.Variable))) return body;
        return Canonical.Transform(body, n =>
        {
            if (n is not Integral i || !argumentSymbols.Contains(i.Variable)) return n;
            var fresh = FreshSymbol(i.Variable, n, argumentSymbols);
            return Expr.Integral(i.Body.Substitute(i.Variable, fresh), fresh, i.Lower, i.Upper);
        }, StructuralSign.Instance);
    }

    static Symbol FreshSymbol(Symbol original, Expr within, IReadOnlySet<Symbol> avoid)
    {
        var used = CollectNames(within);
        used.UnionWith(avoid.Select(s => s.Name));
        for (int k = 1; ; k++)
        {
            var name = $"{original.Name}_{k}";
            if (!used.Contains(name)) return Expr.Sym(name, original.Sign);
        }
    }

    static HashSet<string> CollectNames(Expr e)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        e.Any(n => { if (n is Symbol s) names.Add(s.Name); return false; });
        return names;
    }
}
