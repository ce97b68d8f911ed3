using Verify.Cli.Modeling;
using Verify.Model.Language;

namespace Verify.Cli.Tabulating;

/// <summary>Evaluating one row of verify table: bad input at the point becomes the row's error, a bug still ends the run.</summary>
static class TableRows
{
    /// <remarks>Computed together where the batch can (<see cref="RegimeEval.TryAll"/>); else each expression alone, whose failure fills the row's error.</remarks>
    public static PointRow At(RegimeEval eval, IReadOnlyList<string> expressions, Dictionary<string, double> given)
    {
        var values = expressions.ToDictionary(e => e, _ => (double?)null);
        IReadOnlyDictionary<string, string> phases = new Dictionary<string, string>();
        string? error = null;
        try
        {
            var inputs = eval.Inputs(eval.Check(given));
            if (eval.TryAll(inputs) is { } all)
                return new PointRow(given, expressions.Select((e, i) => (e, all.Values[i])).ToDictionary(x => x.e, x => (double?)x.Item2), all.Phases, null);
            phases = eval.Phases(inputs);
            var known = phases;
            for (int i = 0; i < expressions.Count; i++)
            {
                try { values[expressions[i]] = eval.Value(i, inputs, () => known); }
                catch (Exception e) when (ErrorKinds.IsBadInput(e)) { error ??= Message(e); }
            }
        }
        catch (Exception e) when (ErrorKinds.IsBadInput(e)) { error = Message(e); }
        return new PointRow(given, values, phases, error);
    }

    static string Message(Exception e) => string.Join(" ", ErrorKinds.Message(e).Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>The point's columns: the model's parameters in file order, then its variable, then any other name given.</summary>
    public static IReadOnlyList<string> Columns(ModelDocument model, IReadOnlyList<PointRow> rows)
    {
        var given = rows.SelectMany(r => r.At.Keys).ToHashSet(StringComparer.Ordinal);
        var order = model.Parameters.Select(p => p.Symbol.Name).Concat(model.Variable is { } v ? [v.Symbol.Name] : []).ToList();
        return order.Where(given.Contains).Concat(given.Where(n => !order.Contains(n)).Order(StringComparer.Ordinal)).ToList();
    }
}
