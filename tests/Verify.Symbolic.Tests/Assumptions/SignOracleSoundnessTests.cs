using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Algebra;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Tests.Assumptions.Model;

namespace Verify.Symbolic.Tests.Assumptions;

using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

/// <summary>
/// Whenever the oracle claims a sign for an expression (or any part of it), the value at every
/// admissible point where it is defined has that sign.
/// </summary>
public class SignOracleSoundnessTests
{
    /// <summary>Counts of claims checked, and of claims narrower than "any sign".</summary>
    sealed class Tally { public int Checked; public int Informative; }

    /// <summary>Every node's claimed sign against its value at the points.</summary>
    static bool Sound(Expr e, Assumptions oracle, IEnumerable<IReadOnlyDictionary<Symbol, double>> points, Tally tally)
    {
        var nodes = new List<Expr>();
        void Walk(Expr n) { nodes.Add(n); foreach (var c in n.Children) Walk(c); }
        Walk(e);
        var pts = points.ToList();
        foreach (var node in nodes)
        {
            var claim = oracle.SignOf(node);
            if (claim == SignSet.Any) continue;
            tally.Informative++;
            foreach (var p in pts)
            {
                var v = Evaluator.Evaluate(node, p);
                // Undefined here; a finite value reached through an infinite part (1/ln 0 = -0) is a limit, not a value.
                if (!double.IsFinite(v) || node.Any(n => !double.IsFinite(Evaluator.Evaluate(n, p)))) continue;
                var scale = Magnitude(node, p);
                // A sum that cancels to within rounding has no reliable sign.
                if (Math.Abs(v) <= 1e-12 * scale && scale > Math.Abs(v) * (1 + 1e-9)) continue;
                // A positive power below the smallest double reads as 0.
                if (v == 0 && Underflows(node, p)) continue;
                tally.Checked++;
                if ((claim & SignSets.Of(Math.Sign(v))) == 0)
                {
                    TestContext.Out.WriteLine($"{node} claimed {claim.Describe()} but is {v:R} at {string.Join(", ", p.Select(kv => $"{kv.Key.Name}={kv.Value:R}"))}");
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>True when some power of a positive base, or some exp, evaluates to exactly 0 (a true value below 1e-308).</summary>
    static bool Underflows(Expr e, IReadOnlyDictionary<Symbol, double> p) =>
        e.Any(n => n switch
        {
            Power pw => Evaluator.Evaluate(pw, p) == 0 && Evaluator.Evaluate(pw.Base, p) > 0,
            Exponential x => Evaluator.Evaluate(x, p) == 0,
            _ => false,
        });

    /// <summary>The size of the values a node's rounding error scales with: Σ|terms| through sums and products.</summary>
    static double Magnitude(Expr e, IReadOnlyDictionary<Symbol, double> p) => e switch
    {
        Sum s => s.Terms.Sum(t => Magnitude(t, p)),
        Product q => q.Factors.Aggregate(1.0, (acc, f) => acc * Magnitude(f, p)),
        _ => Math.Abs(Evaluator.Evaluate(e, p)),
    };

    [Test]
    public void ClaimsHoldForRandomExpressionsOverBoxes()
    {
        var oracle = GeneratorBoxes();
        var tally = new Tally();
        var gen = Gen.Zip(ExprGenerators.Real(3), Gen.ListOf(ExprGenerators.Point.Where(p => p[ExprGenerators.R] - p[ExprGenerators.X] <= 2), 5));
        Properties.Check(gen, t => Sound(t.Item1, oracle, t.Item2.Select(d => (IReadOnlyDictionary<Symbol, double>)d), tally), seed: 4242, count: 300);
        TestContext.Out.WriteLine($"{tally.Informative} informative claims, {tally.Checked} checks");
        Assert.That(tally.Informative, Is.GreaterThan(300));
    }

    [Test]
    public void ClaimsHoldForRandomModelExpressionsAtAdmissiblePoints()
    {
        var model = Declared();
        var r = Expr.Sym("r");
        var pool = model.Sample(new Random(11), 300, [r]).ToArray();
        var symbols = new[] { Sigma, Rho, SE, Phi, Beta, F, FI, A, AD, r };
        var tally = new Tally();
        var gen = Gen.Zip(RawTree.Generate(symbols, 3), Gen.ListOf(Gen.Elements(pool), 5));
        Properties.Check(gen, t => Sound(t.Item1.Build(model), model, t.Item2, tally), seed: 4243, count: 300);
        TestContext.Out.WriteLine($"{tally.Informative} informative claims, {tally.Checked} checks");
        Assert.That(tally.Informative, Is.GreaterThan(300));
    }

    [Test]
    public void ClaimsHoldForModelShapedExpressions()
    {
        // Sums and ratios of the model's typical pieces, where the linear and interval arguments matter.
        var model = Declared();
        var pool = model.Sample(new Random(12), 300).ToArray();
        Expr[] pieces =
        [
            Rho + 1 - Sigma, 1 - Expr.Pow(Phi, Beta), 2 * SE - 1, Expr.Ln(SE), (1 - SE) / SE, F - (Beta - 1) * FI,
            Beta - 1, Expr.Pow(A, Rho), Expr.Pow(AD, 1 - Sigma), 1 - AD, Phi, Sigma - 2, Expr.Ln(A), Beta * FI - F,
        ];
        var piece = Gen.Elements(pieces);
        var combined = Gen.Frequency(
            (2, piece),
            (2, Gen.Zip(piece, piece).Select(t => t.Item1 + t.Item2)),
            (2, Gen.Zip(piece, piece).Select(t => t.Item1 - t.Item2)),
            (2, Gen.Zip(piece, piece).Select(t => t.Item1 * t.Item2)),
            (1, Gen.Zip(piece, piece).Select(t => t.Item1 / t.Item2)),
            (1, Gen.Zip(piece, piece).Select(t => Expr.Pow(t.Item1, t.Item2))),
            (1, Gen.Zip(piece, Gen.Choose(1, 3)).Select(t => Expr.Pow(t.Item1, Expr.Num(1, t.Item2)))));
        var tally = new Tally();
        Properties.Check(Gen.Zip(combined, Gen.ListOf(Gen.Elements(pool), 5)), t => Sound(t.Item1, model, t.Item2, tally), seed: 4244, count: 300);
        TestContext.Out.WriteLine($"{tally.Informative} informative claims, {tally.Checked} checks");
        Assert.That(tally.Informative, Is.GreaterThan(300));
    }
}
