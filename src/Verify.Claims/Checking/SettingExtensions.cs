using Verify.Derivation.Evaluation;
using Verify.Model.Claims;

namespace Verify.Claims.Checking;

static class SettingExtensions
{
    /// <summary>An expression of the claim's text compiled over its regime (with its reparametrisation).</summary>
    public static QuantityExpression Expression(this ModelEvaluator model, ClaimSetting s, MathText text)
    {
        var parsed = s.ParseExpression(text);
        return new QuantityExpression(model, s.Regime, parsed.Expr, parsed.Aliases, s.Reparametrise);
    }
}
