using Verify.Derivation.Results;
using Verify.Numerics;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Derivation.Evaluation;

/// <summary>
/// Numbers from one phase's derivation: every derived value compiled once into one delegate over
/// the model's inputs (parameters, then the integration variable), implicit unknowns root-found
/// through the function table, and the phase's validity relations (its conditions and the unknowns'
/// domains) evaluated alongside.
/// </summary>
public sealed class PhaseEvaluator
{
    public PhaseDerivation Phase { get; }
    public IReadOnlyList<Symbol> Inputs { get; }
    public IReadOnlyList<Symbol> Outputs { get; }
    readonly Action<double[], double[]> _all;
    // The validity relations' sides alone: finding the phase at a point needs only these, not the
    // thirty-odd outputs (the same formulas, so the same numbers as the sides in _all).
    readonly Action<double[], double[]>? _sides;
    readonly double[] _sideBuffer;
    readonly int _whenStart;
    readonly RelationOperator[] _operators;   // the validity relations' operators, in an array: the check runs at every point
    public FunctionTable Functions { get; }

    public PhaseEvaluator(PhaseDerivation phase, IReadOnlyList<Symbol> inputs, IReadOnlyDictionary<Expr, Expr> derivedParameters)
    {
        Phase = phase;
        Inputs = inputs;
        Functions = ImplicitTable(phase, derivedParameters);
        Outputs = [.. phase.Values.Keys];
        var values = phase.Values.ToDictionary(kv => (Expr)kv.Key, kv => kv.Value.Value);
        var exprs = Outputs.Select(s => phase.Values[s].Value.Substitute(derivedParameters)).ToList();
        // A phase is the equilibrium only where its solution lies in the unknowns' declared domains
        // (a cut-off above the largest cost is no equilibrium), besides its own conditions; a domain
        // relation proved for the whole parameter domain (B > 0) is not tested again at each point.
        Relation[] when = [.. phase.When, .. phase.Regime.Unknowns.SelectMany(u => u.Domain).Where(r => !phase.DomainsProved.Contains(r))];
        _operators = [.. when.Select(r => r.Operator)];
        _whenStart = exprs.Count;
        var sides = new List<Expr>();
        foreach (var r in when)
        {
            sides.Add(r.Left.Substitute(values).Substitute(derivedParameters));
            sides.Add(r.Right.Substitute(values).Substitute(derivedParameters));
        }
        Sides = sides;
        exprs.AddRange(sides);
        _all = Compiler.CompileMany(exprs, inputs, Functions, reuseUnchanged: true);
        _buffer = new double[exprs.Count];
        _sides = sides.Count == 0 ? null : Compiler.CompileMany(sides, inputs, Functions, reuseUnchanged: true);
        _sideBuffer = new double[sides.Count];
    }

    readonly double[] _buffer;

    /// <summary>The validity relations' sides over the inputs, each relation's left then right (what <see cref="Holds"/> computes).</summary>
    public IReadOnlyList<Expr> Sides { get; }

    /// <summary>Whether every validity relation holds, given the values of <see cref="Sides"/> from <paramref name="start"/> on.</summary>
    public bool SidesHold(double[] values, int start) => AllHold(values, start);

    /// <summary>Builds the numeric meaning of each implicit unknown: a root search, or a joint solve for a system.</summary>
    static FunctionTable ImplicitTable(PhaseDerivation phase, IReadOnlyDictionary<Expr, Expr> derivedParameters)
    {
        var table = new FunctionTable();
        var closed = phase.Values.Where(kv => kv.Value.Kind == FormKind.Closed).ToDictionary(kv => (Expr)kv.Key, kv => kv.Value.Value);
        // Blocks in solving order: a later block's arguments may call an earlier block's functions.
        foreach (var block in phase.ImplicitUnknowns.GroupBy(u => u.Block).OrderBy(g => g.Key).Select(g => g.ToList()))
        {
            if (block.Count == 1)
            {
                var u = block[0];
                var root = new ImplicitRoot(u with { Residual = u.Residual.Substitute(derivedParameters) }, closed, table);
                table.Define(u.FunctionName, root.Solve);
                continue;
            }
            var system = new ImplicitSystemSolver(block, derivedParameters, table, phase.Implicits, phase.Implicits.Oracle);
            for (int j = 0; j < block.Count; j++)
            {
                var name = block[j].Unknown;
                int row = j;
                table.Define(block[j].FunctionName, args => system.Solve(args)[name]);
                // A joint block has no symbolic implicit-function formulas: its first partials are
                // numbers at each point, from the Jacobian at the solution (see ImplicitSystemSolver).
                for (int k = 0; k < block[j].Parameters.Count; k++)
                {
                    int column = k;
                    table.Define($"{block[j].FunctionName}'[{k}]", args => system.Partial(args, row, column));
                }
            }
        }
        return table;
    }

    /// <summary>
    /// Whether the phase's validity relations hold at the inputs, computing only their sides (what
    /// <see cref="TryEvaluate"/> returns, without the outputs). A phase without relations holds anywhere.
    /// </summary>
    public bool Holds(double[] inputs)
    {
        if (_sides is null) return true;
        _sides(inputs, _sideBuffer);
        return AllHold(_sideBuffer, 0);
    }

    /// <summary>Evaluates every output at the inputs; false when a validity relation of the phase fails.</summary>
    public bool TryEvaluate(double[] inputs, double[] outputs)
    {
        _all(inputs, _buffer);
        Array.Copy(_buffer, outputs, Outputs.Count);
        return AllHold(_buffer, _whenStart);
    }

    /// <summary>Whether every validity relation holds, its sides read in pairs from <paramref name="start"/>.</summary>
    bool AllHold(double[] sides, int start)
    {
        var operators = _operators;
        for (int i = 0; i < operators.Length; i++)
            if (!Relation.Holds(sides[start + 2 * i], operators[i], sides[start + 2 * i + 1])) return false;
        return true;
    }
}
