using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Core.Expr;
using static Verify.Symbolic.Tests.Support.ExprGenerators;

namespace Verify.Symbolic.Tests.Numbers;

/// <summary>
/// A delegate compiled with reuseUnchanged gives, at every call, bit for bit what the tree walker
/// gives at that point, whatever moved since the last call: nothing, one input, several; after a
/// call that threw; from inside itself; from two threads at once.
/// </summary>
public class ReusedValuesTests
{
    static readonly Symbol[] Parameters = [R, Z, X, Y];

    static double[] Arguments(Dictionary<Symbol, double> point) => Parameters.Select(s => point[s]).ToArray();

    /// <summary>A walk of points: each step takes the fresh value of the inputs whose bit is set in its mask (0: the same point again).</summary>
    static readonly FsCheck.Gen<List<Dictionary<Symbol, double>>> Walk =
        Gen.Zip(Point, Gen.ListOf(Gen.Zip(Point, Gen.Choose(0, 15)), 12)).Select(t =>
        {
            var points = new List<Dictionary<Symbol, double>> { t.Item1 };
            foreach (var (fresh, mask) in t.Item2)
            {
                var next = new Dictionary<Symbol, double>(points[^1]);
                for (int i = 0; i < Parameters.Length; i++)
                    if ((mask & (1 << i)) != 0) next[Parameters[i]] = fresh[Parameters[i]];
                points.Add(next);
            }
            return points;
        });

    [Test]
    public void AlongAWalkEachValueIsTheTreeWalkersAtThatPoint()
    {
        var functions = NumberGenerators.Functions();
        Properties.Check(Gen.Zip(NumberGenerators.Mixed(), Walk), t =>
        {
            var (e, walk) = t;
            var reused = Compiler.Compile(e, Parameters, functions, reuseUnchanged: true);
            foreach (var point in walk)
            {
                var expected = Evaluator.Evaluate(e, point, functions);
                var actual = reused(Arguments(point));
                if (NumberGenerators.Identical(expected, actual)) continue;
                TestContext.Out.WriteLine($"{e} at {string.Join(", ", point.Select(kv => $"{kv.Key.Name}={kv.Value:R}"))}\n  tree {expected:R}, reused {actual:R}");
                return false;
            }
            return true;
        }, seed: 20261207, count: 300);
    }

    [Test]
    public void ManyOutputsAlongAWalkAreEachTheTreeWalkers()
    {
        var functions = NumberGenerators.Functions();
        Properties.Check(Gen.Zip(Gen.Zip(Real(3), Positive(3)), Walk), t =>
        {
            var ((a, p), walk) = t;
            Expr[] outputs = [a + p, NumberGenerators.Repeated(a, p), a * p, Pow(p, a)];
            var reused = Compiler.CompileMany(outputs, Parameters, functions, reuseUnchanged: true);
            var results = new double[outputs.Length];
            foreach (var point in walk)
            {
                reused(Arguments(point), results);
                for (int i = 0; i < outputs.Length; i++)
                    if (!NumberGenerators.Identical(Evaluator.Evaluate(outputs[i], point, functions), results[i])) return false;
            }
            return true;
        }, seed: 20261208, count: 200);
    }

    [Test]
    public void ACallThatThrowsLeavesNothingHalfUpdated()
    {
        // x^(1/3) + y^(1/3) + check(z): check throws for z < 0, after the powers of x and y are computed.
        var functions = new FunctionTable().Define("check", a => a[0] >= 0 ? a[0] : throw new InvalidOperationException("negative"));
        var e = Pow(X, Num(1, 3)) + Pow(Y + Z, Num(1, 3)) + Call("check", Z);
        var f = Compiler.Compile(e, Parameters, functions, reuseUnchanged: true);
        double At(double x, double y, double z) => f([0, z, x, y]);
        double Expected(double x, double y, double z) => Evaluator.Evaluate(e, new Dictionary<Symbol, double> { [R] = 0, [Z] = z, [X] = x, [Y] = y }, functions);

        Assert.That(At(2, 3, 1), Is.EqualTo(Expected(2, 3, 1)));
        Assert.Throws<InvalidOperationException>(() => At(5, 7, -1));
        // Back to the first point but for z: only z differs from the last completed call, yet the
        // failed call's x and y must not have been kept.
        Assert.That(At(5, 7, 2), Is.EqualTo(Expected(5, 7, 2)));
        Assert.That(At(5, 7, 2), Is.EqualTo(Expected(5, 7, 2)));
        Assert.That(At(2, 7, 2), Is.EqualTo(Expected(2, 7, 2)));
    }

    [Test]
    public void ACallFromInsideItselfGetsItsOwnValues()
    {
        // again(x) evaluates the same delegate at x/2 (until x < 1): the inner calls must not
        // disturb what the outer one keeps.
        Func<double[], double>? self = null;
        var functions = new FunctionTable().Define("again", a => a[0] < 1 ? 0 : self!([0, 0, a[0] / 2, a[0] + 1]));
        var e = Pow(X, Num(1, 3)) + Pow(Y, Num(1, 2)) + Call("again", X);
        self = Compiler.Compile(e, Parameters, functions, reuseUnchanged: true);
        foreach (var (x, y) in new[] { (8.0, 3.0), (8.0, 5.0), (8.0, 5.0), (3.0, 5.0), (3.0, 2.0) })
            Assert.That(self([0, 0, x, y]),
                Is.EqualTo(Evaluator.Evaluate(e, new Dictionary<Symbol, double> { [R] = 0, [Z] = 0, [X] = x, [Y] = y }, functions)),
                $"at x = {x}, y = {y}");
    }

    [Test]
    public void TwoThreadsAtOnceEachGetTheirOwnValues()
    {
        var e = Pow(X, Num(1, 3)) * Exp(Y / 5) + Ln(Z + 1) + Pow(X + Y, Num(2, 7));
        var f = Compiler.Compile(e, Parameters, reuseUnchanged: true);
        var failures = 0;
        var threads = Enumerable.Range(0, 2).Select(k => new Thread(() =>
        {
            for (int i = 0; i < 20_000; i++)
            {
                // Each thread walks its own points, moving one input at a time.
                double x = 1 + k + (i % 7) * 0.25, y = 2 + (i / 7 % 5) * 0.5, z = 0.5 + k;
                var expected = Evaluator.Evaluate(e, new Dictionary<Symbol, double> { [R] = 0, [Z] = z, [X] = x, [Y] = y });
                if (!NumberGenerators.Identical(expected, f([0, z, x, y]))) Interlocked.Increment(ref failures);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.That(failures, Is.Zero);
    }
}
