using FsCheck;
using FsCheck.Fluent;
using Verify.Derivation.Evaluation;

namespace Verify.Derivation.Tests.Support;

/// <summary>Random admissible points of the bundled model, with a firm's cost a; and expressions over a regime's names, ready to evaluate.</summary>
static class BundledPoints
{
    public static readonly Gen<(CrossCheckPoint Point, double A)> WithCost =
        from p in CrossCheckPoint.Generator
        from a in CrossCheckRunner.Open(0.01, 1)
        select (p, a);

    public static QuantityExpression[] Quantities(ModelEvaluator evaluator, string regime, IEnumerable<string> expressions) =>
        [.. expressions.Select(text =>
        {
            var parsed = ExpressionScope.Parse(Bundled.Model, regime, text);
            return new QuantityExpression(evaluator, regime, parsed.Expr, parsed.Aliases);
        })];
}
