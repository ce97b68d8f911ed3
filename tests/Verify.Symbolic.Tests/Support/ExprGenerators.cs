using FsCheck;
using FsCheck.Fluent;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Support;

/// <summary>
/// Random expressions for property tests, over three positive symbols x, y, z and one real r,
/// and random points at which to evaluate them.
/// </summary>
public static class ExprGenerators
{
    public static readonly Symbol X = Sym("x", SymbolSign.Positive);
    public static readonly Symbol Y = Sym("y", SymbolSign.Positive);
    public static readonly Symbol Z = Sym("z", SymbolSign.Positive);
    public static readonly Symbol R = Sym("r");
    public static readonly Symbol[] Positives = [X, Y, Z];
    public static readonly Symbol[] All = [X, Y, Z, R];

    public static Gen<Expr> SmallRational =>
        Gen.Zip(Gen.Choose(-5, 5), Gen.Choose(1, 4)).Select(t => Num(t.Item1, t.Item2));

    /// <summary>An expression of the given depth that is positive wherever the positive symbols are.</summary>
    public static Gen<Expr> Positive(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.Elements<Expr>(X, Y, Z),
            Gen.Zip(Gen.Choose(1, 6), Gen.Choose(1, 3)).Select(t => Num(t.Item1, t.Item2)));
        if (depth <= 0) return leaf;
        var sub = Positive(depth - 1);
        return Gen.Frequency(
            (3, leaf),
            (2, Gen.Zip(sub, sub).Select(t => t.Item1 + t.Item2)),
            (2, Gen.Zip(sub, sub).Select(t => t.Item1 * t.Item2)),
            (2, Gen.Zip(sub, sub).Select(t => t.Item1 / t.Item2)),
            (2, Gen.Zip(sub, SmallRational).Select(t => Pow(t.Item1, t.Item2))),
            (1, Gen.Zip(sub, Gen.Elements<Expr>(X, Y, Z)).Select(t => Pow(t.Item1, t.Item2 / 3))),
            (1, sub.Select(e => Exp(e / 4))));
    }

    /// <summary>A real expression: may be negative, may use the real symbol r, logs of positives.</summary>
    public static Gen<Expr> Real(int depth)
    {
        var leaf = Gen.OneOf(Gen.Elements<Expr>(X, Y, Z, R), SmallRational);
        if (depth <= 0) return leaf;
        var sub = Real(depth - 1);
        var pos = Positive(depth - 1);
        return Gen.Frequency(
            (3, leaf),
            (3, Gen.Zip(sub, sub).Select(t => t.Item1 + t.Item2)),
            (2, Gen.Zip(sub, sub).Select(t => t.Item1 - t.Item2)),
            (3, Gen.Zip(sub, sub).Select(t => t.Item1 * t.Item2)),
            (1, Gen.Zip(sub, pos).Select(t => t.Item1 / t.Item2)),
            (2, Gen.Zip(sub, Gen.Choose(0, 3)).Select(t => Pow(t.Item1, Num(t.Item2)))),
            (2, Gen.Zip(pos, sub).Select(t => Pow(t.Item1, t.Item2 / 4))),
            (1, pos.Select(Ln)));
    }

    /// <summary>A point: positive symbols in [0.25, 3], r in [-2, 2].</summary>
    public static Gen<Dictionary<Symbol, double>> Point =>
        Gen.Zip(Gen.Zip(Properties.Uniform(0.25, 3), Properties.Uniform(0.25, 3)),
                Gen.Zip(Properties.Uniform(0.25, 3), Properties.Uniform(-2, 2)))
           .Select(t => new Dictionary<Symbol, double>
           {
               [X] = t.Item1.Item1, [Y] = t.Item1.Item2, [Z] = t.Item2.Item1, [R] = t.Item2.Item2,
           });

    /// <summary>Relative agreement, treating two non-finite values as agreeing only if both are NaN or equal infinities.</summary>
    public static bool Close(double a, double b, double tolerance = 1e-9)
    {
        if (!double.IsFinite(a) || !double.IsFinite(b)) return a.Equals(b);
        return Math.Abs(a - b) <= tolerance * Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(b)));
    }
}
