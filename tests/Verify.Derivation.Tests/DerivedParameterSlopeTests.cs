using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Derivation.Evaluation;
using Verify.Model.Language;
using Verify.Symbolic.Calculus;

namespace Verify.Derivation.Tests;

/// <summary>
/// An implicit cut-off whose condition holds a derived parameter takes that parameter as an
/// argument of its implicit function; its derivative by a primitive parameter must follow the
/// derived parameter's dependence on it (the chain rule), checked against finite differences.
/// </summary>
public class DerivedParameterSlopeTests
{
    /// <summary>Truncated exponential costs, the cut-off condition written with theta = sigma - 1.</summary>
    const string Text = """
        model derived-in-implicit
        parameter sigma : 1 < sigma < 2
        parameter f : f > 0
        parameter fE : fE > 0
        parameter L : L > 0
        derived theta = sigma - 1 : theta > 0
        variable a : 0 < a <= 1
        density g(a) = exp(-a)/(1 - exp(-1))
        regime autarky
          unknown aD : 0 < aD < 1
          unknown B : B > 0
          unknown n : n > 0
          condition cutoff : aD^(-theta)*B = f
          condition free-entry : integral((B*a^(1 - sigma) - f)*g(a), a, 0, aD) = fE
          condition demand : B = L/(n*integral(a^(1 - sigma)*g(a), a, 0, aD))
        end
        """;

    static readonly ModelDocument Model = ModelLoader.LoadText(Text, "derived-in-implicit.model");

    static QuantityExpression Quantity(ModelEvaluator evaluator, string text) =>
        new(evaluator, "autarky", ExpressionScope.Parse(Model, "autarky", text).Expr);

    /// <summary>
    /// The cut-off itself (B = f·aD^theta by sigma would also need aD &gt; 0 proved for its moving
    /// exponent, which the oracle does not know of an implicit function: that is an error, as without theta).
    /// </summary>
    [Test]
    public void TheCutOffsSlopeInAParameterBehindADerivedOneMatchesFiniteDifferences()
    {
        const string name = "aD";
        var evaluator = new ModelEvaluator(ModelDeriver.Derive(Model));
        var level = Quantity(evaluator, name);
        var slope = Quantity(evaluator, $"diff({name}, sigma)");
        var sigma = evaluator.Inputs.ToList().FindIndex(s => s.Name == "sigma");
        var draw = from s in CrossCheckRunner.Open(1.1, 1.85) from fE in CrossCheckRunner.Open(0.02, 0.2) select (s, fE);
        CrossCheckRunner.Check(draw, p =>
        {
            var inputs = evaluator.InputVector(new Dictionary<string, double> { ["sigma"] = p.s, ["f"] = 1, ["fE"] = p.fE, ["L"] = 1 });
            const double h = 1e-5;
            var up = (double[])inputs.Clone(); up[sigma] += h;
            var down = (double[])inputs.Clone(); down[sigma] -= h;
            var fd = (level.Evaluate(up) - level.Evaluate(down)) / (2 * h);
            return Math.Abs(slope.Evaluate(inputs) - fd) <= 1e-5 * Math.Max(1, Math.Abs(fd));
        }, seed: 201426, count: 10, name: $"diff({name}, sigma) vs finite differences");
    }
}
