using System.Diagnostics;
using NUnit.Framework;
using Verify.Cli.Tests.Support;
using Verify.Fuzz.Tests.Support;
using Verify.Symbolic.Core;

namespace Verify.Fuzz.Tests;

/// <summary>
/// Inputs whose algebra explodes or nests past what the stack holds end within a stated budget
/// with one clear line (exit 2): never minutes of silence, never out of memory, never a crash.
/// </summary>
public class BoundedWorkTests
{
    /// <summary>What each input below may take, generously for a busy two-core machine; each takes a few seconds at most.</summary>
    static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    static CliResult Timed(params string[] args)
    {
        var clock = Stopwatch.StartNew();
        var result = CommandLine.Run(args);
        TestContext.Out.WriteLine($"{clock.Elapsed.TotalSeconds:F1} s: {result}");
        Assert.That(clock.Elapsed, Is.LessThan(Budget), result.ToString());
        return result;
    }

    static string Tower(string name, int height) => string.Join("^", Enumerable.Repeat(name, height));

    [Test]
    public void A_tower_of_a_derived_name_evaluates_within_the_budget()
    {
        // aD is a product of five factors, and (x*y)^e = x^e*y^e copied e into each: the tree grew fivefold per level (minutes for 16 levels).
        // The model is derived (or read from the cache) first: the budget is the tower's, not the derivation's.
        CommandLine.Run("eval", "aD", "--regime", "relocation-entry", "--at", ExpressionSeeds.ModelPoint);
        var r = Timed("eval", Tower("aD", 40), "--regime", "relocation-entry", "--at", ExpressionSeeds.ModelPoint);
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
        Assert.That(r.Number, Is.EqualTo(0.8274).Within(1e-3));
    }

    [Test]
    public void Assumptions_that_split_every_power_do_not_explode_the_simplifier()
    {
        var r = Timed("simplify", Tower("(v*w*x*y*z)", 30), "--assume", "v>0,w>0,x>0,y>0,z>0");
        Assert.That(r.Exit, Is.EqualTo(0), r.ToString());
    }

    [Test]
    public void Nesting_deeper_than_the_parser_allows_is_one_line()
    {
        var r = Timed("simplify", new string('(', 20_000) + "x" + new string(')', 20_000));
        Assert.That(r.Exit, Is.EqualTo(2), r.ToString());
        Assert.That(r.Output, Does.Contain("nested too deeply"));
    }

    [Test]
    public void An_expression_whose_shared_parts_grow_past_the_limit_is_a_work_limit_error()
    {
        // A call f(e, e) shares e twice: 30 levels are 2^31 nodes written out, from 31 distinct ones.
        Expr e = Expr.Sym("x");
        for (int k = 0; k < 30; k++) e = Expr.Call("f", e, e);
        Assert.That(e.Size, Is.EqualTo((1L << 31) - 1));
        var error = Assert.Throws<WorkLimitException>(() => WorkLimit.Check(e, "the test expression"))!;
        Assert.That(error.Message, Does.StartWith("the test expression is too large to work with"));
        Assert.That(WorkLimit.Check(Expr.Call("f", Expr.Sym("x"), Expr.Sym("x")), "small"), Is.Not.Null);
    }
}
