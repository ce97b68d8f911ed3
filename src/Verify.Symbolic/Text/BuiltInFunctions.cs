using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Text;

/// <summary>
/// The functions math text knows without declaration, and how a parsed call becomes an
/// expression: ln/log, exp and sqrt build their nodes; max, min and abs stay calls (and so may
/// carry partials), as do the special functions erf, tgamma (Γ), digamma (ψ) and gammainc (P(s, x)); diff differentiates; integral(body, var, lower, upper) builds an integral.
/// </summary>
static class BuiltInFunctions
{
    /// <summary>How many arguments a function takes: from <see cref="Min"/> to <see cref="Max"/> (null: no limit).</summary>
    public readonly record struct Arity(int Min, int? Max)
    {
        public static Arity Exactly(int n) => new(n, n);
        public bool Allows(int n) => n >= Min && (Max is null || n <= Max);
        public string Describe() =>
            Max == Min ? Plural(Min) : Max is null ? $"at least {Plural(Min)}" : $"{Min} to {Plural(Max.Value)}";
        static string Plural(int n) => n == 1 ? "1 argument" : $"{n} arguments";
    }

    static readonly Dictionary<string, Arity> Table = new(StringComparer.Ordinal)
    {
        ["ln"] = Arity.Exactly(1), ["log"] = Arity.Exactly(1), ["exp"] = Arity.Exactly(1), ["sqrt"] = Arity.Exactly(1),
        ["abs"] = Arity.Exactly(1), ["max"] = new(1, null), ["min"] = new(1, null),
        ["erf"] = Arity.Exactly(1), ["tgamma"] = Arity.Exactly(1), ["digamma"] = Arity.Exactly(1),
        ["gammainc"] = Arity.Exactly(2),
        ["diff"] = Arity.Exactly(2), ["integral"] = Arity.Exactly(4),
    };

    public static bool IsBuiltIn(string name) => Table.ContainsKey(name);

    /// <summary>Built-ins that stay <see cref="Call"/> nodes, and so may be written with partials.</summary>
    public static bool StaysCall(string name) => name is "abs" or "max" or "min";

    public static bool TryGetArity(string name, ParseContext context, out Arity arity)
    {
        if (Table.TryGetValue(name, out arity)) return true;
        if (context.Functions.TryGetValue(name, out var n)) { arity = Arity.Exactly(n); return true; }
        return false;
    }

    /// <summary>One parsed argument and where its text starts, for errors about it.</summary>
    public readonly record struct Argument(Expr Value, TextPosition At);

    public static Expr Apply(Token name, IReadOnlyList<Argument> args, IReadOnlyList<int> partials, ParseContext context)
    {
        var values = args.Select(a => a.Value).ToArray();
        switch (name.Text)
        {
            case "ln" or "log": return Expr.Ln(values[0]);
            case "exp": return Expr.Exp(values[0]);
            case "sqrt": return Expr.Sqrt(values[0]);
            case "diff":
                var x = VariableOf(name.Text, args[1]);
                if (context.DeferDerivatives) return Expr.Call(DeferredDerivatives.Name, values[0], x);
                try { return Differentiation.Derivative(values[0], x, context.FunctionDerivatives); }
                catch (DifferentiationException e)
                {
                    // The text is well formed but asks for a derivative that cannot be taken: report it where diff is written.
                    throw new ParseException(name.At, $"an expression 'diff' can differentiate by {x.Name}",
                        $"'{PlainPrinter.Print(values[0])}'", $"diff: {e.Message}", e);
                }
            case "integral":
                return Expr.Integral(values[0], VariableOf(name.Text, args[1]), values[2], values[3]);
            default:
                return Expr.Call(name.Text, values, partials);
        }
    }

    static Symbol VariableOf(string function, Argument arg) =>
        arg.Value as Symbol ?? throw new ParseException(arg.At, $"a symbol as the variable of '{function}'", $"'{PlainPrinter.Print(arg.Value)}'");
}
