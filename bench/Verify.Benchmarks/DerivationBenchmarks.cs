using BenchmarkDotNet.Attributes;
using Verify.Derivation;
using Verify.Derivation.Results;
using Verify.Model.Language;

namespace Verify.Benchmarks;

/// <summary>Deriving each regime of the bundled model from its primitives (the regimes it carries values from derived beforehand).</summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class DerivationBenchmarks
{
    ModelDocument _model = null!;
    Dictionary<string, RegimeDerivation> _earlier = null!;

    [Params("autarky", "entry", "onset", "relocation", "relocation-entry")]
    public string Regime { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _model = ModelLoader.LoadBundled();
        var all = ModelDeriver.Derive(_model);
        _earlier = all.Regimes.ToDictionary(r => r.Regime.Name);
    }

    [Benchmark]
    public int Derive()
    {
        // A context of its own each time, so no answer of the sign oracle is remembered from the last run.
        var context = new DerivationContext(_model);
        var deriver = new PhaseDeriver(context, _earlier);
        var regime = _model.FindRegime(Regime)!;
        var phases = regime.Phases.Count == 0 ? [deriver.Derive(regime, null)] : regime.Phases.Select(p => deriver.Derive(regime, p)).ToList();
        return phases.Sum(p => p.Values.Count);
    }

    [Benchmark]
    public int WholeModel() => ModelDeriver.Derive(_model).Regimes.Count;
}
