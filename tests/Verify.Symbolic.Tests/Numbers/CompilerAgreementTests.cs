using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;
using static Verify.Symbolic.Tests.Support.ExprGenerators;

namespace Verify.Symbolic.Tests.Numbers;

/// <summary>Compiled delegates compute bit for bit what the tree walker computes.</summary>
public class CompilerAgreementTests
{
    // A parameter order unlike the generators' symbol order, so the index mapping is exercised.
    static readonly Symbol[] Parameters = [R, Z, X, Y];

    static double[] Arguments(Dictionary<Symbol, double> point) => Parameters.Select(s => point[s]).ToArray();

    [Test]
    public void CompiledEqualsTreeEvaluation()
    {
        var functions = NumberGenerators.Functions();
        int finite = 0;
        Properties.Check(Gen.Zip(NumberGenerators.Mixed(), Point), t =>
        {
            var (e, point) = t;
            var expected = Evaluator.Evaluate(e, point, functions);
            var actual = Compiler.Compile(e, Parameters, functions)(Arguments(point));
            if (double.IsFinite(expected)) finite++;
            if (NumberGenerators.Identical(expected, actual)) return true;
            TestContext.Out.WriteLine($"{e}\n  tree {expected:R}, compiled {actual:R}");
            return false;
        }, seed: 20240611, count: 500);
        TestContext.Out.WriteLine($"{finite} of 500 values finite");
        Assert.That(finite, Is.GreaterThan(400), "the draws should mostly give real numbers, or the agreement says little");
    }

    [Test]
    public void CompileManyEqualsTreeEvaluationOfEachOutput()
    {
        var functions = NumberGenerators.Functions();
        var gen = Gen.Zip(Gen.Zip(Gen.Zip(Real(3), Positive(3)), NumberGenerators.Mixed()), Point);
        Properties.Check(gen, t =>
        {
            var (((a, p), m), point) = t;
            // Outputs that share sub-trees with one another.
            Expr[] outputs = [a + p, NumberGenerators.Repeated(a, p), m, a + p, m * a];
            var results = new double[outputs.Length];
            Compiler.CompileMany(outputs, Parameters, functions)(Arguments(point), results);
            for (int i = 0; i < outputs.Length; i++)
            {
                var expected = Evaluator.Evaluate(outputs[i], point, functions);
                if (!NumberGenerators.Identical(expected, results[i]))
                {
                    TestContext.Out.WriteLine($"output {i}: {outputs[i]}\n  tree {expected:R}, compiled {results[i]:R}");
                    return false;
                }
            }
            return true;
        }, seed: 77031, count: 300);
    }
}
