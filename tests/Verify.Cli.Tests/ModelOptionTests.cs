using NUnit.Framework;
using Verify.Cli.Tests.Support;

namespace Verify.Cli.Tests;

/// <summary>--model FILE: another model file instead of the bundled one.</summary>
public class ModelOptionTests
{
    [Test]
    public void Another_model_is_listed_derived_and_evaluated()
    {
        using var model = new TempModel(TempModel.Tiny);
        var list = CommandLine.Run("list", "--model", model.Path, "--json");
        Assert.That(list.Exit, Is.EqualTo(0), list.ToString());
        Assert.That(list.Json.GetProperty("model").GetString(), Is.EqualTo("tiny"));
        var q = list.Json.GetProperty("regimes")[0].GetProperty("phases")[0].GetProperty("quantities")[0];
        Assert.That(q.GetProperty("name").GetString(), Is.EqualTo("q"));
        Assert.That(q.GetProperty("form").GetString(), Is.EqualTo("closed"));

        var eval = CommandLine.Run("eval", "revenue", "--regime", "market", "--model", model.Path, "--at", "p=2,c=0.5");
        Assert.That(eval.Exit, Is.EqualTo(0), eval.ToString());
        Assert.That(eval.Number, Is.EqualTo(8).Within(1e-12));   // p*q with q = p/c

        var derive = CommandLine.Run("derive", "q", "--regime", "market", "--model", model.Path);
        Assert.That(derive.Exit, Is.EqualTo(0), derive.ToString());
        Assert.That(derive.Output, Does.Contain("result, closed form").And.Contain("q = p/c"));
    }

    [Test]
    public void The_domain_of_another_model_is_its_own()
    {
        using var model = new TempModel(TempModel.Tiny);
        var r = CommandLine.Run("eval", "q", "--regime", "market", "--model", model.Path, "--at", "p=2,c=2");
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput));
        Assert.That(r.Output.Trim(), Is.EqualTo("error: the point is outside the model's domain: c < 1 does not hold at c = 2"));
    }

    [Test]
    public void A_numeric_failure_is_reported_with_exit_code_2()
    {
        // q + exp(q) = p has no root with q > 0 when p < 1.
        using var model = new TempModel("""
            model no-root
            parameter p : p > 0
            regime market
              unknown q : q > 0
              condition supply : q + exp(q) = p
            end
            """);
        var r = CommandLine.Run("eval", "q", "--regime", "market", "--model", model.Path, "--at", "p=0.5");
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput), r.ToString());
        Assert.That(r.Output, Does.StartWith("error: market cannot be evaluated here").And.Contain("no sign change"));
    }

    [Test]
    public void A_model_error_names_file_line_and_column()
    {
        using var model = TempModel.BundledWith("parameter sigma : sigma > 1", "parameter sigma : sigma >");
        var line = File.ReadAllLines(model.Path).ToList().FindIndex(l => l.StartsWith("parameter sigma")) + 1;
        foreach (var args in new[] { new[] { "list" }, ["derive", "aD", "--regime", "entry"], ["eval", "aD", "--regime", "entry", "--at", Point.Interior] })
        {
            var r = CommandLine.Run([.. args, "--model", model.Path]);
            Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput), r.ToString());
            Assert.That(r.Output, Does.StartWith($"error: {model.Path}:{line}:"));
            Assert.That(r.Output.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        }
    }

    [Test]
    public void A_missing_model_file_is_one_line()
    {
        var r = CommandLine.Run("list", "--model", Path.Combine(Path.GetTempPath(), "no-such-verify.model"));
        Assert.That(r.Exit, Is.EqualTo(VerifyApp.BadInput));
        Assert.That(r.Output, Does.Contain("cannot read the model file"));
    }
}
