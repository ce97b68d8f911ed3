using BenchmarkDotNet.Attributes;
using Verify.Derivation;
using Verify.Derivation.Evaluation;
using Verify.Model.Language;

namespace Verify.Benchmarks;

/// <summary>
/// One point's value of aD, abarS and diff(abarS, phi) in the entry regime: the engine's compiled
/// delegates (with the phase found at the point) against the same closed forms written by hand.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class EvaluationBenchmarks
{
    const double Sigma = 3, Rho = 4, SE = 0.6, F = 1, FI = 0.5;
    double[] _inputs = null!;
    QuantityExpression _aD = null!, _abarS = null!, _slope = null!;
    double _phi = 0.5;

    [GlobalSetup]
    public void Setup()
    {
        var model = ModelLoader.LoadBundled();
        var evaluator = new ModelEvaluator(ModelDeriver.Derive(model));
        QuantityExpression Q(string text)
        {
            var parsed = ExpressionScope.Parse(model, "entry", text);
            return new QuantityExpression(evaluator, "entry", parsed.Expr, parsed.Aliases);
        }
        (_aD, _abarS, _slope) = (Q("aD"), Q("abarS"), Q("diff(abarS, phi)"));
        _inputs = evaluator.InputVector(new Dictionary<string, double>
            { ["sigma"] = Sigma, ["rho"] = Rho, ["sE"] = SE, ["phi"] = _phi, ["f"] = F, ["fI"] = FI });
        // The hand-written forms must be the engine's, or the comparison means nothing.
        foreach (var phi in new[] { 0.1, 0.3, 0.5 })
            if (Math.Abs(EngineAt(phi) - HandAt(phi)) > 1e-12 * Math.Abs(HandAt(phi)))
                throw new InvalidOperationException($"hand-written forms differ at phi = {phi}: {EngineAt(phi)} vs {HandAt(phi)}");
    }

    // The point moves a little each call, so no cache of the last point answers for the engine;
    // phi stays in 0.1 .. 0.5, where the interior phase (the hand-written one) holds.
    double NextPhi() => _phi = _phi > 0.5 ? 0.1 : _phi + 1e-7;

    [Benchmark]
    public double Engine() => EngineAt(NextPhi());

    [Benchmark(Baseline = true)]
    public double Hand() => HandAt(NextPhi());

    double EngineAt(double phi)
    {
        _inputs[3] = phi;
        return _aD.Evaluate(_inputs) + _abarS.Evaluate(_inputs) + _slope.Evaluate(_inputs);
    }

    static double HandAt(double phi)
    {
        double beta = Rho / (Sigma - 1), c = (Rho + 1) / (Sigma - 1);
        double aD = Math.Pow(FI * (Rho - Sigma + 1) / ((Sigma - 1) * F * (1 + Math.Pow(phi, beta))), 1 / Rho);
        double k = Math.Pow(FI / F, 1 / Rho) * Math.Pow(Rho - Sigma + 1, (Rho + 1) / Rho) * Math.Pow(Sigma - 1, -1 / Rho) / (Rho - Sigma + 2);
        double g = 1 + Math.Pow(phi, c), b = 1 + Math.Pow(phi, beta), e = (Rho + 1) / Rho;
        double abarS = k * g * Math.Pow(b, -e);
        double slope = k * (c * Math.Pow(phi, c - 1) * Math.Pow(b, -e) - g * e * Math.Pow(b, -e - 1) * beta * Math.Pow(phi, beta - 1));
        return aD + abarS + slope;
    }
}
