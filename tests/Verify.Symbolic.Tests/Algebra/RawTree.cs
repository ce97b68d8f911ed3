using FsCheck;
using FsCheck.Fluent;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Symbolic.Tests.Algebra;

/// <summary>
/// A tiny operation tree that is not canonicalised: + - * / ^ ln exp min max over numbers and symbols,
/// evaluated directly in doubles with the evaluator's real semantics. Building the canonical
/// <see cref="Expr"/> from the same tree and comparing values tests the canonical rules.
/// </summary>
public abstract record RawTree
{
    public sealed record Num(Rational Value) : RawTree { public override string ToString() => $"({Value})"; }
    public sealed record Var(Symbol Symbol) : RawTree { public override string ToString() => Symbol.Name; }
    public sealed record Binary(char Op, RawTree A, RawTree B) : RawTree { public override string ToString() => $"({A} {Op} {B})"; }
    public sealed record Unary(string Op, RawTree A) : RawTree { public override string ToString() => $"{Op}({A})"; }

    /// <summary>The canonical expression built from this tree through the oracle's rules.</summary>
    public Expr Build(ISignOracle oracle) => this switch
    {
        Num n => Expr.Num(n.Value),
        Var v => v.Symbol,
        Binary { Op: '+' } b => Canonical.Add([b.A.Build(oracle), b.B.Build(oracle)], oracle),
        Binary { Op: '-' } b => Canonical.Add([b.A.Build(oracle), Canonical.Mul([Expr.MinusOne, b.B.Build(oracle)], oracle)], oracle),
        Binary { Op: '*' } b => Canonical.Mul([b.A.Build(oracle), b.B.Build(oracle)], oracle),
        Binary { Op: '/' } b => Canonical.Mul([b.A.Build(oracle), Canonical.Pow(b.B.Build(oracle), Expr.MinusOne, oracle)], oracle),
        Binary { Op: '^' } b => Canonical.Pow(b.A.Build(oracle), b.B.Build(oracle), oracle),
        Unary { Op: "ln" } u => Canonical.Ln(u.A.Build(oracle), oracle),
        Unary { Op: "exp" } u => Canonical.Exp(u.A.Build(oracle), oracle),
        Binary { Op: 'm' or 'M' } b => Canonical.Call(b.Op == 'm' ? "min" : "max", [b.A.Build(oracle), b.B.Build(oracle)], []),
        _ => throw new InvalidOperationException(ToString()),
    };

    /// <summary>
    /// The value, and a first-order bound on its rounding error in units of the rounding unit: an
    /// ill-conditioned tree (cancelling sums, exponentials of large values) gets a large bound, so
    /// a comparison can tell rounding from a wrong rule.
    /// </summary>
    public (double Value, double Error) Evaluate(IReadOnlyDictionary<Symbol, double> point)
    {
        switch (this)
        {
            case Num n: { var v = n.Value.ToDouble(); return (v, Math.Abs(v)); }
            case Var x: { var v = point[x.Symbol]; return (v, Math.Abs(v)); }
            case Unary u:
            {
                var (a, ea) = u.A.Evaluate(point);
                if (u.Op == "ln") { var v = a < 0 ? double.NaN : Math.Log(a); return (v, ea / Math.Abs(a) + Math.Abs(v)); }
                var w = Math.Exp(a); return (w, w * ea + w);
            }
            case Binary b:
            {
                var (x, ex) = b.A.Evaluate(point);
                var (y, ey) = b.B.Evaluate(point);
                switch (b.Op)
                {
                    case '+': { var v = x + y; return (v, ex + ey + Math.Abs(v)); }
                    case '-': { var v = x - y; return (v, ex + ey + Math.Abs(v)); }
                    case '*': { var v = x * y; return (v, ex * Math.Abs(y) + Math.Abs(x) * ey + Math.Abs(v)); }
                    case '/': { var v = x / y; return (v, ex / Math.Abs(y) + Math.Abs(x) * ey / (y * y) + Math.Abs(v)); }
                    // An undefined argument leaves min and max undefined, as in the evaluator.
                    case 'm': return double.IsNaN(x) || double.IsNaN(y) ? (double.NaN, 0) : x <= y ? (x, ex) : (y, ey);
                    case 'M': return double.IsNaN(x) || double.IsNaN(y) ? (double.NaN, 0) : x >= y ? (x, ex) : (y, ey);
                    default:
                    {
                        var v = Evaluator.RealPow(x, y);
                        var av = Math.Abs(v);
                        return (v, av * (Math.Abs(y) * ex / Math.Abs(x) + Math.Abs(Math.Log(Math.Abs(x))) * ey) + av);
                    }
                }
            }
            default: throw new InvalidOperationException(ToString());
        }
    }

    /// <summary>Random trees of at most the given depth over the symbols; exponents are mostly small numbers.</summary>
    public static Gen<RawTree> Generate(Symbol[] symbols, int depth)
    {
        var number = Gen.Zip(Gen.Choose(-4, 4), Gen.Choose(1, 3)).Select(t => (RawTree)new Num(new Rational(t.Item1, t.Item2)));
        // A shifted symbol (sigma - 2) is a base of either sign: the case guarded rules are about.
        var shifted = Gen.Zip(Gen.Elements(symbols), number).Select(t => (RawTree)new Binary('-', new Var(t.Item1), t.Item2));
        var leaf = Gen.Frequency((3, Gen.Elements(symbols).Select(s => (RawTree)new Var(s))), (1, number), (1, shifted));
        if (depth <= 0) return leaf;
        var sub = Generate(symbols, depth - 1);
        var exponent = Gen.Frequency(
            (3, Gen.Choose(-3, 3).Select(k => (RawTree)new Num(k))),
            (3, Gen.Zip(Gen.Choose(-4, 4), Gen.Choose(2, 3)).Select(t => (RawTree)new Num(new Rational(t.Item1, t.Item2)))),
            (2, Gen.Elements(symbols).Select(s => (RawTree)new Var(s))),
            (1, Generate(symbols, depth - 1)));
        Gen<RawTree> Bin(char op, Gen<RawTree> right) => Gen.Zip(sub, right).Select(t => (RawTree)new Binary(op, t.Item1, t.Item2));
        return Gen.Frequency(
            (2, leaf),
            (3, Bin('+', sub)), (2, Bin('-', sub)), (3, Bin('*', sub)), (2, Bin('/', sub)),
            (3, Bin('^', exponent)),
            (1, Bin('m', sub)), (1, Bin('M', sub)),
            (1, sub.Select(a => (RawTree)new Unary("ln", a))),
            (1, sub.Select(a => (RawTree)new Unary("exp", a))));
    }
}
