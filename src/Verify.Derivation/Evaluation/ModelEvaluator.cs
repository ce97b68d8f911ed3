using Verify.Derivation.Results;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Evaluation;

/// <summary>
/// Numbers from a whole model's derivation. Inputs are the model's parameters in file order,
/// then its integration variable (so quantities such as the relocation gain can depend on a);
/// derived parameters (beta, alpha) are replaced by their definitions before compiling.
/// </summary>
public sealed class ModelEvaluator
{
    public ModelDerivation Derivation { get; }
    public IReadOnlyList<Symbol> Inputs { get; }
    public IReadOnlyDictionary<Expr, Expr> DerivedParameters { get; }
    readonly Dictionary<string, RegimeEvaluator> _regimes = [];

    public ModelEvaluator(ModelDerivation derivation)
    {
        Derivation = derivation;
        var model = derivation.Context.Model;
        var inputs = model.Parameters.Select(p => p.Symbol).ToList();
        if (model.Variable is not null) inputs.Add(model.Variable.Symbol);
        Inputs = inputs;
        DerivedParameters = model.Derived.ToDictionary(d => (Expr)d.Symbol, d => d.Definition);
    }

    public RegimeEvaluator Regime(string name)
    {
        if (_regimes.TryGetValue(name, out var r)) return r;
        var regime = Derivation.Regime(name) ?? throw new ArgumentException($"no regime '{name}'; the regimes are {string.Join(", ", Derivation.Regimes.Select(x => x.Regime.Name))}");
        return _regimes[name] = new RegimeEvaluator(regime, Inputs, DerivedParameters);
    }

    readonly Dictionary<string, NumericThreshold> _thresholds = [];

    /// <summary>Values of the thresholds found numerically; a check shares one between its workers.</summary>
    public ThresholdValues ThresholdValues { get; init; } = new();

    /// <summary>
    /// A threshold with no closed form, one per model evaluator: each search costs a hundred solves of
    /// its phase, so every expression that uses it shares its value at the last point.
    /// </summary>
    public NumericThreshold Threshold(RegimeDerivation regime, ThresholdDerivation threshold)
    {
        var name = NumericThreshold.FunctionName(regime, threshold);
        if (!_thresholds.TryGetValue(name, out var t)) _thresholds[name] = t = new NumericThreshold(this, regime, threshold);
        return t;
    }

    /// <summary>The input vector for named values; a missing input is an error that names it.</summary>
    public double[] InputVector(IReadOnlyDictionary<string, double> values, double variableDefault = double.NaN)
    {
        var v = new double[Inputs.Count];
        for (int i = 0; i < Inputs.Count; i++)
        {
            if (values.TryGetValue(Inputs[i].Name, out var x)) v[i] = x;
            else if (i == Inputs.Count - 1 && Derivation.Context.Model.Variable?.Symbol == Inputs[i]) v[i] = variableDefault;
            else throw new ArgumentException($"no value given for parameter '{Inputs[i].Name}'");
        }
        return v;
    }
}
