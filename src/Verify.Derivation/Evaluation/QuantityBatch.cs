using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Derivation.Evaluation;

/// <summary>
/// Several expressions over one regime's names, evaluated together at each point (a table's
/// columns). For each combination of phases one delegate computes the primary regime's validity
/// relations and every expression, so what they share (phi^beta, a cut-off) is computed once, and
/// finding the phase costs little more than the values. Each value is bit for bit what
/// <see cref="QuantityExpression.Evaluate"/> gives: the same forms, compiled together.
/// </summary>
/// <remarks>
/// Only the plain case is taken here: every delegate runs without failure and the phase found
/// defines every expression. Anything else (a failed root search, a name undefined in the phase,
/// no phase holding) makes <see cref="TryEvaluate"/> return false, and the caller evaluates each
/// expression alone, which reports what went wrong exactly as a single evaluation does.
/// </remarks>
public sealed class QuantityBatch
{
    readonly QuantityExpression[] _expressions;
    readonly RegimeEvaluator[] _evaluators;
    readonly int[][] _regimesOf;    // for each expression, the batch index of each of its regimes, in its own order
    readonly int[] _phases;
    readonly Dictionary<long, Fused> _fused = [];
    double[] _buffer = [];

    /// <summary>One combination's delegate: the primary phase's relation sides, then each expression (none when one is undefined there).</summary>
    sealed record Fused(Action<double[], double[]> Compute, int Sides, bool Complete);

    /// <param name="expressions">Expressions of one model evaluator with the same primary regime.</param>
    public QuantityBatch(IReadOnlyList<QuantityExpression> expressions, ModelEvaluator model)
    {
        if (expressions.Count == 0) throw new ArgumentException("a batch needs at least one expression", nameof(expressions));
        var primary = expressions[0].Regimes[0];
        if (expressions.Any(e => e.Regimes[0] != primary))
            throw new ArgumentException($"every expression of a batch must be over the regime {primary}", nameof(expressions));
        _expressions = [.. expressions];
        string[] regimes = [primary, .. expressions.SelectMany(e => e.Regimes.Skip(1)).Distinct().Where(r => r != primary)];
        Regimes = regimes;
        _evaluators = [.. regimes.Select(model.Regime)];
        _regimesOf = [.. expressions.Select(e => e.Regimes.Select(r => Array.IndexOf(regimes, r)).ToArray())];
        _phases = new int[Regimes.Count];
    }

    /// <summary>The regimes involved, the primary first; <see cref="PhaseKey"/> names the phase found in each.</summary>
    public IReadOnlyList<string> Regimes { get; }

    /// <summary>
    /// Writes each expression's value at the inputs to <paramref name="values"/>; false, with
    /// nothing to read, when the point is not the plain case (see the remarks on the class).
    /// </summary>
    public bool TryEvaluate(double[] inputs, double[] values)
    {
        try
        {
            for (int r = 1; r < _evaluators.Length; r++) _phases[r] = _evaluators[r].Select(inputs);
            var primary = _evaluators[0].Phases;
            // The phases in the regime's order, as RegimeEvaluator.Select tries them: the first whose
            // relations hold is the one Select finds, since no earlier one failed.
            for (int p = 0; p < primary.Count; p++)
            {
                _phases[0] = p;
                var fused = FusedFor();
                try { fused.Compute(inputs, _buffer); }
                catch (NoRootInDomain)
                {
                    // As in Select, a phase whose solution leaves its domains does not hold; but the
                    // failed search may have been an expression's, so the phase's own relations decide.
                    if (!Holds(primary[p], inputs)) continue;
                    return false;
                }
                if (!primary[p].SidesHold(_buffer, 0)) continue;
                if (!fused.Complete) return false;
                Array.Copy(_buffer, fused.Sides, values, 0, _expressions.Length);
                return true;
            }
            return false;
        }
        catch (Exception)
        {
            // Whatever it was, evaluating each expression alone meets it again and reports it as a single evaluation does.
            return false;
        }
    }

    static bool Holds(PhaseEvaluator phase, double[] inputs)
    {
        try { return phase.Holds(inputs); }
        catch (NoRootInDomain) { return false; }
    }

    /// <summary>The key of the phase found in regime <paramref name="regime"/> (an index into <see cref="Regimes"/>) by the last successful <see cref="TryEvaluate"/>.</summary>
    public string PhaseKey(int regime) => _evaluators[regime].Phases[_phases[regime]].Phase.Key;

    Fused FusedFor()
    {
        long key = 0;
        for (int i = 0; i < _phases.Length; i++) key = key * _evaluators[i].Phases.Count + _phases[i];
        if (_fused.TryGetValue(key, out var known)) return known;
        var phase = _evaluators[0].Phases[_phases[0]];
        var outputs = new List<Expr>(phase.Sides);
        var functions = new FunctionTable().Merge(phase.Functions);
        var complete = true;
        try
        {
            for (int e = 0; e < _expressions.Length; e++)
            {
                var (form, its) = _expressions[e].Build([.. _regimesOf[e].Select(r => _phases[r])]);
                outputs.Add(form);
                functions.Merge(its);
            }
        }
        catch (Exception e) when (e is NumericFailure or DifferentiationException or WorkLimitException)
        {
            // A name undefined in this combination: the phase's relations alone, to tell whether it holds.
            complete = false;
            outputs.RemoveRange(phase.Sides.Count, outputs.Count - phase.Sides.Count);
        }
        var fused = new Fused(Compiler.CompileMany(outputs, phase.Inputs, functions, reuseUnchanged: true), phase.Sides.Count, complete);
        if (_buffer.Length < outputs.Count) _buffer = new double[outputs.Count];
        return _fused[key] = fused;
    }
}
