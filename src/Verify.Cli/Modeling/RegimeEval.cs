using System.Globalization;
using Verify.Derivation.Evaluation;
using Verify.Model.Language;
using Verify.Symbolic.Text;

namespace Verify.Cli.Modeling;

/// <summary>The value of an expression over a regime's names, and the phase of each regime involved that holds at the point.</summary>
sealed record RegimeValue(double Value, string Expression, string Regime, IReadOnlyDictionary<string, string> Phases);

/// <summary>
/// Expressions over a regime's names, evaluated at points: 'verify eval --regime' (one expression,
/// one point) and 'verify table' (many of each) share it, so a table's value is the one eval gives.
/// The expressions are parsed over the regime's names before anything is derived, so mistakes are
/// reported at once; each point is checked against the model's domains for the parameters the
/// expressions use.
/// </summary>
sealed class RegimeEval
{
    readonly ModelDocument _model;
    readonly Regime _regime;
    readonly IReadOnlyList<(string Text, ExpressionScope.Parsed Parsed)> _expressions;
    readonly IReadOnlyList<string> _regimes;
    readonly string? _cacheDirectory;
    ModelEvaluator? _evaluator;
    QuantityExpression[]? _quantities;

    /// <summary>The parameters the expressions use (a point needs no others).</summary>
    public IReadOnlySet<string> Needed { get; }

    public RegimeEval(ModelDocument model, string regimeName, IReadOnlyList<string> texts, string? cacheDirectory)
    {
        _model = model;
        _regime = ModelLookup.Regime(model, regimeName);
        _cacheDirectory = cacheDirectory;
        _expressions = texts.Select(text =>
        {
            try { return (text, ExpressionScope.Parse(model, _regime.Name, text)); }
            catch (ParseException e)
            {
                throw new ArgumentException($"in the expression{(texts.Count > 1 ? $" '{text}'" : "")}, {e.Message} (verify list --regime {_regime.Name} shows its names)", e);
            }
        }).ToList();
        _regimes = _expressions.SelectMany(e => RegimeInputs.Of(_regime.Name, e.Parsed)).Distinct().ToList();
        Needed = RegimeInputs.Needed(model, _regimes);
    }

    public string Regime => _regime.Name;

    /// <summary>Checks a point read from --at (or a table row): every needed parameter given, every domain relation holding.</summary>
    public Dictionary<string, double> Check(Dictionary<string, double> given)
    {
        var point = ModelPoint.Check(_model, given, Needed);
        if (_model.Variable is { } v && !point.ContainsKey(v.Symbol.Name)
            && _expressions.Where(e => VariableUse.Needs(_model, _regime, e.Parsed)).Select(e => e.Text).FirstOrDefault() is { } uses)
            throw new ArgumentException($"{(_expressions.Count > 1 ? $"'{uses}'" : "the expression")} depends on {v.Symbol.Name} ({v.Description ?? "the model's variable"}); add {v.Symbol.Name}=... to --at");
        return point;
    }

    /// <summary>The phase of each regime involved that holds at a checked point, by regime.</summary>
    public IReadOnlyDictionary<string, string> Phases(double[] inputs) => _regimes.ToDictionary(r => r, r =>
    {
        var e = Evaluator.Regime(r);
        return e.Phases[e.Select(inputs)].Phase.Key;
    });

    public double[] Inputs(IReadOnlyDictionary<string, double> point) => ModelInputs.Vector(Evaluator, point);

    /// <summary>The value of expression <paramref name="index"/> at a checked point; a failure says which phases hold there.</summary>
    public double Value(int index, double[] inputs, Func<IReadOnlyDictionary<string, string>> phases)
    {
        double value;
        try { value = Quantities[index].Evaluate(inputs); }
        catch (ArgumentException e)
        {
            // A name defined only in some phases (abarN) asked for where another phase holds.
            throw new ArgumentException($"{e.Message}: at this point the phase that holds is {string.Join(", ", phases().Values)}", e);
        }
        if (!double.IsFinite(value))
            throw new ArgumentException($"{(_expressions.Count > 1 ? $"'{_expressions[index].Text}' is" : "the expression is")} undefined at this point in {string.Join(", ", phases().Values)} (its value is {value.ToString(CultureInfo.InvariantCulture)})");
        return value;
    }

    QuantityBatch? _batch;

    /// <summary>
    /// Every expression's value at a checked point, and the phase of each regime involved, computed
    /// together when that is the plain case (each value is the one <see cref="Value"/> gives); null
    /// otherwise, and the caller evaluates each alone, which reports what went wrong.
    /// </summary>
    public (double[] Values, IReadOnlyDictionary<string, string> Phases)? TryAll(double[] inputs)
    {
        _batch ??= new QuantityBatch(Quantities, Evaluator);
        var values = new double[_expressions.Count];
        if (!_batch.TryEvaluate(inputs, values) || !values.All(double.IsFinite)) return null;
        var batchRegimes = _batch.Regimes.ToList();
        if (!_regimes.All(batchRegimes.Contains)) return null;
        return (values, _regimes.ToDictionary(r => r, r => _batch.PhaseKey(batchRegimes.IndexOf(r))));
    }

    /// <summary>Derives (or reads the stored derivation) now, so that a failure is the command's, not a point's.</summary>
    public void Derive() => _ = Quantities;

    ModelEvaluator Evaluator => _evaluator ??= new ModelEvaluator(DerivationCache.For(_model, _cacheDirectory));

    QuantityExpression[] Quantities => _quantities ??= _expressions
        .Select(e => new QuantityExpression(Evaluator, _regime.Name, e.Parsed.Expr, e.Parsed.Aliases)).ToArray();

    /// <summary>verify eval --regime: one expression at one point.</summary>
    public static RegimeValue Evaluate(ModelDocument model, string regimeName, string text, string? at, string? cacheDirectory = null)
    {
        var eval = new RegimeEval(model, regimeName, [text], cacheDirectory);
        var point = eval.Check(Commands.Inputs.Point(at));
        var inputs = eval.Inputs(point);
        var phases = eval.Phases(inputs);
        return new RegimeValue(eval.Value(0, inputs, () => phases), text, eval.Regime, phases);
    }
}
