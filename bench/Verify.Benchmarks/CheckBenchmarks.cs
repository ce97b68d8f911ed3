using BenchmarkDotNet.Attributes;
using Verify.Claims;
using Verify.Claims.Checking;
using Verify.Derivation;
using Verify.Derivation.Evaluation;
using Verify.Model.Claims;
using Verify.Model.Language;

namespace Verify.Benchmarks;

/// <summary>verify check end to end (derivation included, 10,000 draws per claim) and one interval proof, R3.order with entry after relocation.</summary>
[SimpleJob(launchCount: 1, warmupCount: 0, iterationCount: 3)]
public class CheckBenchmarks
{
    ModelDocument _model = null!;
    ClaimDocument _claims = null!;
    ModelDerivation _derivation = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = ModelLoader.LoadBundled();
        _claims = ClaimsLoader.LoadBundled(_model.Name);
        _derivation = ModelDeriver.Derive(_model);
    }

    [Benchmark]
    public bool CheckEndToEnd() =>
        CheckRun.Run(_model, _claims, ExpectedVerdicts.LoadBundled(_model.Name), new CheckOptions()).AllMatch;

    /// <summary>R3.order in relocation-entry is proved by interval branch and bound; a few draws besides.</summary>
    [Benchmark]
    public Verdict IntervalProofR3Order() =>
        new ClaimChecker(new ModelEvaluator(_derivation), new CheckOptions(Draws: 100))
            .Check(_claims.Claims.First(c => c.Id == "R3.order"), "relocation-entry").Verdict;
}
