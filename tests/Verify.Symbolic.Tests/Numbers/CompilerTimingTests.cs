using System.Diagnostics;
using NUnit.Framework;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Symbolic.Tests.Numbers;

public class CompilerTimingTests
{
    static int NodeCount(Expr e) => 1 + e.Children.Sum(NodeCount);

    [Test]
    public void CompiledIsFasterThanTreeWalking()
    {
        var x = Sym("x", SymbolSign.Positive);
        var y = Sym("y", SymbolSign.Positive);
        var r = Sym("r");
        Expr e = Zero;
        for (int k = 1; k <= 2; k++)
            e += Pow(k * x + y, Num(1, k + 1)) * Exp(r / k) - Ln(x + k * y) / (y + k);
        var nodes = NodeCount(e);
        TestContext.Out.WriteLine($"expression with {nodes} nodes: {e}");
        Assert.That(nodes, Is.InRange(30, 80));

        const int n = 100_000;
        var compiled = Compiler.Compile(e, [x, y, r]);
        var args = new[] { 1.25, 0.75, -0.5 };
        var values = new Dictionary<Symbol, double> { [x] = 1.25, [y] = 0.75, [r] = -0.5 };
        Assert.That(compiled(args), Is.EqualTo(Evaluator.Evaluate(e, values)));

        var sink = 0.0;
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < n; i++) { args[2] = i * 1e-6; sink += compiled(args); }
        var compiledTime = clock.Elapsed;
        clock.Restart();
        for (int i = 0; i < n; i++) { values[r] = i * 1e-6; sink += Evaluator.Evaluate(e, values); }
        var treeTime = clock.Elapsed;

        TestContext.Out.WriteLine($"compiled: {n / compiledTime.TotalSeconds:N0} evaluations/s; tree: {n / treeTime.TotalSeconds:N0} evaluations/s (checksum {sink:G6})");
        Assert.That(compiledTime, Is.LessThan(treeTime));
    }
}
