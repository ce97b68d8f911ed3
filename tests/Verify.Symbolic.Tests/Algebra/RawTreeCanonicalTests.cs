using FsCheck;
using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Tests.Assumptions.Model;

namespace Verify.Symbolic.Tests.Algebra;

using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

/// <summary>
/// Canonical construction against direct evaluation: a raw operation tree and the canonical
/// expression built from it agree wherever both are finite. Run with the structural oracle and
/// with the model's assumptions (so the oracle-guarded rules fire), at admissible points.
/// </summary>
public class RawTreeCanonicalTests
{
    static readonly Symbol R = Expr.Sym("r");

    /// <summary>Compares at each point; counts the comparisons where both sides were finite.</summary>
    static bool Agrees(RawTree tree, ISignOracle oracle, IEnumerable<IReadOnlyDictionary<Symbol, double>> points, ref int compared)
    {
        var e = tree.Build(oracle);
        foreach (var p in points)
        {
            var (raw, error) = tree.Evaluate(p);
            var canonical = Evaluator.Evaluate(e, p);
            if (!double.IsFinite(raw) || !double.IsFinite(canonical) || !double.IsFinite(error)) continue;
            compared++;
            var tolerance = 1e-9 * Math.Max(1, Math.Max(Math.Abs(raw), Math.Abs(canonical))) + 1e-12 * error;
            if (Math.Abs(raw - canonical) > tolerance)
            {
                TestContext.Out.WriteLine($"tree {tree}\ncanonical {e}\nat {string.Join(", ", p.Select(kv => $"{kv.Key.Name}={kv.Value:R}"))}\nraw {raw:R} canonical {canonical:R}");
                return false;
            }
        }
        return true;
    }

    [Test]
    public void StructuralCanonicalFormKeepsTheValue()
    {
        var symbols = new[] { ExprGenerators.X, ExprGenerators.Y, ExprGenerators.Z, ExprGenerators.R };
        var gen = Gen.Zip(RawTree.Generate(symbols, 4), Gen.ListOf(ExprGenerators.Point, 6));
        int compared = 0, trees = 0;
        Properties.Check(gen, t =>
        {
            trees++;
            return Agrees(t.Item1, StructuralSign.Instance, t.Item2.Select(d => (IReadOnlyDictionary<Symbol, double>)d), ref compared);
        }, seed: 20261128, count: 400);
        TestContext.Out.WriteLine($"{compared} finite comparisons over {trees} trees");
        Assert.That(compared, Is.GreaterThan(trees), "most trees must be comparable somewhere");
    }

    [Test]
    public void CanonicalFormUnderTheModelsAssumptionsKeepsTheValue()
    {
        var model = Declared();
        var pool = model.Sample(new Random(7), 300, [R]);
        // r thrice: a base of either sign is where the guarded rules can go wrong.
        var symbols = new[] { Sigma, Rho, SE, Phi, Beta, F, FI, A, R, R, R };
        var gen = Gen.Zip(RawTree.Generate(symbols, 4), Gen.ListOf(Gen.Elements(pool.ToArray()), 6));
        int compared = 0, trees = 0;
        Properties.Check(gen, t =>
        {
            trees++;
            return Agrees(t.Item1, model, t.Item2, ref compared);
        }, seed: 20261129, count: 400);
        TestContext.Out.WriteLine($"{compared} finite comparisons over {trees} trees");
        Assert.That(compared, Is.GreaterThan(trees));
    }
}
