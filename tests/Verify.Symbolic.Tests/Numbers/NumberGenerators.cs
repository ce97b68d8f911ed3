using FsCheck;
using FsCheck.Fluent;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Interval = Verify.Symbolic.Numbers.Interval;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Tests.Support.ExprGenerators;

namespace Verify.Symbolic.Tests.Numbers;

/// <summary>
/// Expressions that exercise the numeric back ends beyond the plain generators: repeated
/// sub-trees, integrals, built-in and user-defined calls; and random boxes with a point inside.
/// </summary>
public static class NumberGenerators
{
    /// <summary>The integration variable of generated integrals; it replaces x inside the integrand.</summary>
    public static readonly Symbol T = Sym("t", SymbolSign.Positive);

    /// <summary>A user function with an interval extension: cube(a) = a³ + a (increasing).</summary>
    public const string Cube = "cube";

    public static FunctionTable Functions() => new FunctionTable().Define(Cube, a => Math.Pow(a[0], 3) + a[0]);

    public static IntervalFunctionTable IntervalFunctions() =>
        new IntervalFunctionTable().Define(Cube, a => Interval.Pow(a[0], 3) + a[0]);

    /// <summary>Real(4) and Positive(4) trees, and compositions that repeat, integrate and call.</summary>
    public static Gen<Expr> Mixed()
    {
        var real = Real(3);
        var pos = Positive(3);
        return Gen.Frequency(
            (3, Real(4)),
            (2, Positive(4)),
            (2, Gen.Zip(real, pos).Select(t => Repeated(t.Item1, t.Item2))),
            (2, Gen.Zip(Real(2), real).Select(t => WithIntegral(t.Item1, t.Item2))),
            (2, Gen.Zip(Gen.Zip(real, real), pos).Select(t => WithCalls(t.Item1.Item1, t.Item1.Item2, t.Item2))));
    }

    /// <summary>The sub-trees a and p each occur several times, inside different contexts.</summary>
    public static Expr Repeated(Expr a, Expr p) => a * Pow(p, Num(1, 3)) + Exp(a / 4) - Ln(p) * a + Pow(a, 2) / p;

    /// <summary>∫ body[x := t] dt from 1/2 to y, plus the body itself (so the same tree occurs bound and free).</summary>
    public static Expr WithIntegral(Expr body, Expr outside) =>
        Integral(body.Substitute(X, T), T, OneHalf, Y) * outside + body;

    public static Expr WithCalls(Expr a, Expr b, Expr p) =>
        Call("max", a, b) + Call("min", a, p, Num(1)) * Call("abs", b) + Call(Cube, Call("min", a, Num(2)));

    /// <summary>A box: positive symbols in sub-ranges of [0.25, 4], r in a sub-range of [-2, 3.5]; and a point inside it.</summary>
    public static Gen<(Dictionary<Symbol, Interval> Box, Dictionary<Symbol, double> Point)> BoxAndPoint =>
        Gen.Zip(Gen.Zip(Side(0.25, 3), Side(0.25, 3)), Gen.Zip(Side(0.25, 3), Side(-2, 2)))
           .Select(t =>
           {
               var sides = new[] { t.Item1.Item1, t.Item1.Item2, t.Item2.Item1, t.Item2.Item2 };
               var box = new Dictionary<Symbol, Interval>();
               var point = new Dictionary<Symbol, double>();
               for (int i = 0; i < All.Length; i++)
               {
                   box[All[i]] = sides[i].Box;
                   point[All[i]] = sides[i].Point;
               }
               return (box, point);
           });

    /// <summary>An interval starting in [lo, hi] with a width in [0, 1] (sometimes 0), and a point of it.</summary>
    static Gen<(Interval Box, double Point)> Side(double lo, double hi) =>
        Gen.Zip(Gen.Zip(Properties.Uniform(lo, hi), Gen.Frequency((1, Gen.Constant(0.0)), (4, Properties.Uniform(0, 1)))), Properties.Uniform(0, 1))
           .Select(t =>
           {
               var ((start, width), at) = t;
               return (new Interval(start, start + width), Math.Min(start + at * width, start + width));
           });

    /// <summary>Two doubles agree bit for bit (any NaN agrees with any NaN).</summary>
    public static bool Identical(double a, double b) =>
        double.IsNaN(a) ? double.IsNaN(b) : BitConverter.DoubleToInt64Bits(a) == BitConverter.DoubleToInt64Bits(b);
}
