using System.Diagnostics;
using NUnit.Framework;
using Verify.Claims.Checking;
using Verify.Derivation;
using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Model.Language;

namespace Verify.Claims.Tests;

public class ClaimsDumpTests
{
    [Test, Explicit]
    public void Dump()
    {
        var clock = Stopwatch.StartNew();
        var model = ModelLoader.LoadBundled();
        var evaluator = new ModelEvaluator(ModelDeriver.Derive(model));
        TestContext.Out.WriteLine($"derived in {clock.Elapsed.TotalSeconds:F1} s");
        var claims = ClaimsLoader.LoadBundled();
        var checker = new ClaimChecker(evaluator, new CheckOptions(Draws: 10000));
        foreach (var c in claims.Claims)
            foreach (var r in c.Regimes)
            {
                var t = clock.Elapsed;
                try
                {
                    var result = checker.Check(c, r);
                    TestContext.Out.WriteLine($"{result.Key,-38} {result.Verdict.Name(),-13} {(clock.Elapsed - t).TotalSeconds,5:F1}s  {result.Evidence}");
                    if (result.Counterexample is not null) TestContext.Out.WriteLine("      at " + string.Join(", ", result.Counterexample.Select(kv => $"{kv.Key}={kv.Value:G6}")));
                }
                catch (Exception e) { TestContext.Out.WriteLine($"{c.Id}@{r,-30} ERROR {e.GetType().Name}: {e.Message}"); }
            }
        TestContext.Out.WriteLine($"total {clock.Elapsed.TotalSeconds:F1} s");
    }
}
