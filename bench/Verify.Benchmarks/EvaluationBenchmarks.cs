using BenchmarkDotNet.Attributes;
using Verify.Derivation;
using Verify.Derivation.Evaluation;
using Verify.Model.Language;

namespace Verify.Benchmarks;

/// <summary>
/// One point's value of aD, abarS and diff(abarS, phi) in the entry regime: the engine's compiled
/// delegates (with the phase found at the point) against the same closed forms written by hand.
/// The engine takes its parameters from an input vector; so does <see cref="Hand"/>, the baseline.
/// <see cref="HandConstants"/> has them as C# constants, which the JIT folds (a third of its powers
/// computed at compile time): the figure a hand-written model fixed in the source would give.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 10)]
public class EvaluationBenchmarks
{
    const double Sigma = 3, Rho = 4, SE = 0.6, F = 1, FI = 0.5;
    double[] _inputs = null!;
    QuantityExpression _aD = null!, _abarS = null!, _slope = null!;
    QuantityBatch _batch = null!;
    readonly double[] _values = new double[3];
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
        var batchEvaluator = new ModelEvaluator(evaluator.Derivation);
        QuantityExpression B(string text)
        {
            var parsed = ExpressionScope.Parse(model, "entry", text);
            return new QuantityExpression(batchEvaluator, "entry", parsed.Expr, parsed.Aliases);
        }
        _batch = new QuantityBatch([B("aD"), B("abarS"), B("diff(abarS, phi)")], batchEvaluator);
        _inputs = evaluator.InputVector(new Dictionary<string, double>
            { ["sigma"] = Sigma, ["rho"] = Rho, ["sE"] = SE, ["phi"] = _phi, ["f"] = F, ["fI"] = FI });
        var random = new Random(20141207);
        double Near(double v) => v * (1 + 0.01 * (2 * random.NextDouble() - 1));
        _moving = [.. Enumerable.Range(0, 256).Select(_ => evaluator.InputVector(new Dictionary<string, double>
            { ["sigma"] = Near(Sigma), ["rho"] = Near(Rho), ["sE"] = Near(SE), ["phi"] = 0.1 + 0.4 * random.NextDouble(), ["f"] = Near(F), ["fI"] = Near(FI) }))];
        foreach (var x in _moving)
            if (!_batch.TryEvaluate(x, _values) || Math.Abs(_values.Sum() - HandOver(x)) > 1e-12 * Math.Abs(HandOver(x)))
                throw new InvalidOperationException($"the hand-written forms differ from the batch at {string.Join(", ", x)}");
        // The hand-written forms must be the engine's, or the comparison means nothing.
        foreach (var phi in new[] { 0.1, 0.3, 0.5 })
            foreach (var (name, value) in new[] { ("engine", EngineAt(phi)), ("batch", BatchAt(phi)), ("constants", HandConstantsAt(phi)) })
                if (Math.Abs(value - HandAt(phi)) > 1e-12 * Math.Abs(HandAt(phi)))
                    throw new InvalidOperationException($"the {name} forms differ from the hand-written at phi = {phi}: {value} vs {HandAt(phi)}");
    }

    // The point moves a little each call, so no cache of the last point answers for the engine;
    // phi stays in 0.1 .. 0.5, where the interior phase (the hand-written one) holds.
    double NextPhi() => _phi = _phi > 0.5 ? 0.1 : _phi + 1e-7;

    [Benchmark]
    public double Engine() => EngineAt(NextPhi());

    /// <summary>The three expressions evaluated together (<see cref="QuantityBatch"/>, as verify table does).</summary>
    [Benchmark]
    public double EngineBatch() => BatchAt(NextPhi());

    [Benchmark(Baseline = true)]
    public double Hand() => HandAt(NextPhi());

    [Benchmark]
    public double HandConstants() => HandConstantsAt(NextPhi());

    // Every input moving at each call (points within 1 % of the base, phi in 0.1 .. 0.5): no value
    // of the last call can be kept, so this is the engine's worst case against the same hand-written code.
    double[][] _moving = null!;
    int _next;

    [Benchmark]
    public double EngineBatchEveryInputMoves()
    {
        var x = _moving[_next++ & 255];
        if (!_batch.TryEvaluate(x, _values)) throw new InvalidOperationException("the batch fell back");
        return _values[0] + _values[1] + _values[2];
    }

    [Benchmark]
    public double HandEveryInputMoves() => HandOver(_moving[_next++ & 255]);

    double EngineAt(double phi)
    {
        _inputs[3] = phi;
        return _aD.Evaluate(_inputs) + _abarS.Evaluate(_inputs) + _slope.Evaluate(_inputs);
    }

    double BatchAt(double phi)
    {
        _inputs[3] = phi;
        if (!_batch.TryEvaluate(_inputs, _values)) throw new InvalidOperationException($"the batch fell back at phi = {phi}");
        return _values[0] + _values[1] + _values[2];
    }

    // The parameters read from the input vector, as the engine gets them.
    double HandAt(double phi)
    {
        _inputs[3] = phi;
        return HandOver(_inputs);
    }

    static double HandOver(double[] x)
    {
        double sigma = x[0], rho = x[1], f = x[4], fI = x[5];
        double beta = rho / (sigma - 1), c = (rho + 1) / (sigma - 1);
        double aD = Math.Pow(fI * (rho - sigma + 1) / ((sigma - 1) * f * (1 + Math.Pow(x[3], beta))), 1 / rho);
        double k = Math.Pow(fI / f, 1 / rho) * Math.Pow(rho - sigma + 1, (rho + 1) / rho) * Math.Pow(sigma - 1, -1 / rho) / (rho - sigma + 2);
        double g = 1 + Math.Pow(x[3], c), b = 1 + Math.Pow(x[3], beta), e = (rho + 1) / rho;
        double abarS = k * g * Math.Pow(b, -e);
        double slope = k * (c * Math.Pow(x[3], c - 1) * Math.Pow(b, -e) - g * e * Math.Pow(b, -e - 1) * beta * Math.Pow(x[3], beta - 1));
        return aD + abarS + slope;
    }

    static double HandConstantsAt(double phi)
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
