using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Algebra;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Tests.Assumptions.Model;

namespace Verify.Symbolic.Tests.Algebra;

using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

/// <summary>Simplify, Expand, Together and Cancel leave the value unchanged wherever the input is defined.</summary>
public class ValuePreservationTests
{
    delegate Expr Rewrite(Expr e, ISignOracle oracle);

    static readonly (string Name, Rewrite Apply)[] Rewrites =
    [
        ("simplify", Simplifier.Simplify),
        ("expand", (e, o) => Expansion.Expand(e, o)),
        ("together", Rationals.Together),
        ("cancel", Rationals.Cancel),
    ];

    /// <summary>Where the input is finite the output is finite and close; counts such comparisons.</summary>
    static bool Preserves(Rewrite rewrite, Expr e, ISignOracle oracle, IEnumerable<IReadOnlyDictionary<Symbol, double>> points, ref int compared)
    {
        var r = rewrite(e, oracle);
        foreach (var p in points)
        {
            var before = Evaluator.Evaluate(e, p);
            if (!WellScaled(e, p)) continue;
            var after = Evaluator.Evaluate(r, p);
            compared++;
            // Rounding grows with the conditioning of either form (an expanded (a - 1)^3 near a = 1 cancels).
            var tolerance = 1e-8 * Math.Max(1, Math.Max(Math.Abs(before), Math.Abs(after))) + 1e-11 * (ErrorScale(e, p) + ErrorScale(r, p));
            if (double.IsNaN(tolerance)) tolerance = 1e-8 * Math.Max(1, Math.Max(Math.Abs(before), Math.Abs(after)));
            if (!(Math.Abs(before - after) <= tolerance))
            {
                TestContext.Out.WriteLine($"{e}\n  -> {r}\n  at {string.Join(", ", p.Select(kv => $"{kv.Key.Name}={kv.Value:R}"))}: {before:R} vs {after:R}");
                return false;
            }
        }
        return true;
    }

    /// <summary>Every part finite and of moderate size: beyond that, doubles under- and overflow differently along different forms.</summary>
    static bool WellScaled(Expr e, IReadOnlyDictionary<Symbol, double> p) => !e.Any(n =>
    {
        var v = Math.Abs(Evaluator.Evaluate(n, p));
        if (v == 0) return n is Exponential || (n is Power pw && Evaluator.Evaluate(pw.Base, p) != 0);   // underflow
        return !double.IsFinite(v) || v < 1e-100 || v > 1e100;
    });

    /// <summary>A first-order bound on a form's rounding error, in units of the rounding unit.</summary>
    static double ErrorScale(Expr e, IReadOnlyDictionary<Symbol, double> p)
    {
        var v = Math.Abs(Evaluator.Evaluate(e, p));
        double Rel(Expr x) { var a = Math.Abs(Evaluator.Evaluate(x, p)); return a == 0 ? 0 : ErrorScale(x, p) / a; }
        return e switch
        {
            Sum s => s.Terms.Sum(t => ErrorScale(t, p)),
            Product q => v * q.Factors.Sum(Rel),
            Power { Exponent: Number k } pw => v * Math.Abs(k.Value.ToDouble()) * Rel(pw.Base) + v,
            Power pw => v * (Math.Abs(Evaluator.Evaluate(pw.Exponent, p)) * Rel(pw.Base)
                             + Math.Abs(Math.Log(Math.Abs(Evaluator.Evaluate(pw.Base, p)))) * ErrorScale(pw.Exponent, p)) + v,
            Log l => Rel(l.Argument) + v,
            Exponential x => v * ErrorScale(x.Argument, p) + v,
            _ => v,
        };
    }

    static IEnumerable<TestCaseData> BoxCases() => Rewrites.Select((r, i) => new TestCaseData(i).SetName($"{r.Name} keeps the value of random expressions over boxes"));
    static IEnumerable<TestCaseData> ModelCases() => Rewrites.Select((r, i) => new TestCaseData(i).SetName($"{r.Name} keeps the value of random model expressions"));

    [TestCaseSource(nameof(BoxCases))]
    public void OnRandomExpressionsOverBoxes(int which)
    {
        var (name, rewrite) = Rewrites[which];
        var oracle = GeneratorBoxes();
        var gen = Gen.Zip(ExprGenerators.Real(3), Gen.ListOf(ExprGenerators.Point.Where(p => p[ExprGenerators.R] - p[ExprGenerators.X] <= 2), 4));
        int compared = 0;
        Properties.Check(gen, t => Preserves(rewrite, t.Item1, oracle, t.Item2.Select(d => (IReadOnlyDictionary<Symbol, double>)d), ref compared),
            seed: 9000 + (ulong)which, count: 250, name: name);
        Assert.That(compared, Is.GreaterThan(500));
    }

    [TestCaseSource(nameof(ModelCases))]
    public void OnRandomModelExpressions(int which)
    {
        var (name, rewrite) = Rewrites[which];
        var model = Declared();
        var r = Expr.Sym("r");
        var pool = model.Sample(new Random(13), 300, [r]).ToArray();
        var symbols = new[] { Sigma, Rho, SE, Phi, Beta, F, FI, A, r };
        var gen = Gen.Zip(RawTree.Generate(symbols, 3), Gen.ListOf(Gen.Elements(pool), 4));
        int compared = 0;
        Properties.Check(gen, t => Preserves(rewrite, t.Item1.Build(StructuralSign.Instance), model, t.Item2, ref compared),
            seed: 9100 + (ulong)which, count: 250, name: name);
        Assert.That(compared, Is.GreaterThan(400));
    }
}
