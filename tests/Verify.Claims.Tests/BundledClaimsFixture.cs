using Verify.Claims.Checking;
using Verify.Derivation;
using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Model.Language;

namespace Verify.Claims.Tests;

/// <summary>The bundled model derived once for all the Result tests, its claims and pinned verdicts.</summary>
static class BundledClaims
{
    static readonly Lazy<(ClaimChecker Checker, ClaimDocument Claims, ExpectedVerdicts Expected)> Loaded = new(() =>
    {
        var model = ModelLoader.LoadBundled();
        var evaluator = new ModelEvaluator(ModelDeriver.Derive(model));
        // Fewer draws than verify check (10,000) to keep the suite fast; every pinned verdict is
        // reached well within them (refutations within a few draws, see proofs/README.md).
        return (new ClaimChecker(evaluator, new CheckOptions(Draws: Draws, Seed: 20140101)), ClaimsLoader.LoadBundled(), ExpectedVerdicts.LoadBundled());
    });

    public const int Draws = 2000;

    public static ClaimChecker Checker => Loaded.Value.Checker;
    public static ClaimDocument Claims => Loaded.Value.Claims;
    public static ExpectedVerdicts Expected => Loaded.Value.Expected;
}
