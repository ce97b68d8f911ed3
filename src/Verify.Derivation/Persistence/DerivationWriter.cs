using Verify.Derivation.Results;
using Verify.Derivation.Steps;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Persistence;

/// <summary>
/// A model's derivation as bytes: every phase's values, steps, conditions, implicit unknowns,
/// checks and the assumptions it was derived under, and every threshold. The model itself is not
/// written: <see cref="DerivationReader"/> takes it from the file it was derived from.
/// </summary>
public static class DerivationWriter
{
    public static void Write(ModelDerivation derivation, BinaryWriter output)
    {
        var exprs = new ExprCodec.Writer(output);
        output.Write7BitEncodedInt(derivation.Regimes.Count);
        foreach (var regime in derivation.Regimes)
        {
            output.Write(regime.Regime.Name);
            output.Write7BitEncodedInt(regime.Phases.Count);
            foreach (var phase in regime.Phases) WritePhase(phase, output, exprs);
            output.Write7BitEncodedInt(regime.Thresholds.Count);
            foreach (var t in regime.Thresholds)
            {
                output.Write(t.PhaseKey);
                WriteOptional(t.Value, output, exprs);
                output.Write((byte)t.Kind);
                WriteSteps(t.Steps, output, exprs);
                WriteText(t.Failure, output);
            }
        }
    }

    static void WritePhase(PhaseDerivation phase, BinaryWriter output, ExprCodec.Writer exprs)
    {
        WriteText(phase.Phase?.Name, output);
        output.Write7BitEncodedInt(phase.Values.Count);
        foreach (var v in phase.Values.Values)
        {
            exprs.Write(v.Symbol);
            exprs.Write(v.Value);
            output.Write((byte)v.Kind);
            output.Write(v.Origin);
            WriteText(v.Latex, output);
            WriteText(v.Description, output);
        }
        WriteSteps(phase.Steps, output, exprs);
        output.Write7BitEncodedInt(phase.Conditions.Count);
        foreach (var c in phase.Conditions) WriteEquation(c, output, exprs);
        output.Write7BitEncodedInt(phase.ImplicitUnknowns.Count);
        foreach (var u in phase.ImplicitUnknowns)
        {
            exprs.Write(u.Unknown);
            output.Write(u.FunctionName);
            output.Write7BitEncodedInt(u.Parameters.Count);
            foreach (var p in u.Parameters) exprs.Write(p);
            exprs.Write(u.Residual);
            WriteRelations(u.Domain, output, exprs);
            output.Write(u.Condition is not null);
            if (u.Condition is not null) WriteEquation(u.Condition, output, exprs);
            output.Write7BitEncodedInt(u.Block);
        }
        var oracle = (phase.Implicits.Oracle is Solving.ImplicitSigns signs ? signs.Inner : phase.Implicits.Oracle) as Assumptions
            ?? throw new NotSupportedException("the implicit functions' oracle is not a set of assumptions");
        WriteRelations(oracle.Relations, output, exprs);
        output.Write7BitEncodedInt(oracle.Symbols.Count);
        foreach (var s in oracle.Symbols) exprs.Write(s);
        output.Write7BitEncodedInt(phase.Checks.Count);
        foreach (var c in phase.Checks)
        {
            output.Write(c.Label);
            output.Write((byte)c.Status);
            output.Write(c.Detail);
        }
        WriteRelations(phase.Existence, output, exprs);
        WriteRelations(phase.DomainsProved, output, exprs);
    }

    static void WriteSteps(IReadOnlyList<DerivationStep> steps, BinaryWriter output, ExprCodec.Writer exprs)
    {
        output.Write7BitEncodedInt(steps.Count);
        foreach (var s in steps)
        {
            output.Write(s.Rule);
            WriteOptional(s.Before, output, exprs);
            WriteOptional(s.After, output, exprs);
            output.Write7BitEncodedInt(s.Conditions.Count);
            foreach (var c in s.Conditions) output.Write(c);
            WriteText(s.Note, output);
        }
    }

    static void WriteEquation(Equation e, BinaryWriter output, ExprCodec.Writer exprs)
    {
        output.Write(e.Label);
        exprs.Write(e.Left);
        exprs.Write(e.Right);
    }

    static void WriteRelations(IReadOnlyList<Relation> relations, BinaryWriter output, ExprCodec.Writer exprs)
    {
        output.Write7BitEncodedInt(relations.Count);
        foreach (var r in relations) WriteRelation(r, output, exprs);
    }

    static void WriteRelation(Relation r, BinaryWriter output, ExprCodec.Writer exprs)
    {
        exprs.Write(r.Left);
        output.Write((byte)r.Operator);
        exprs.Write(r.Right);
    }

    static void WriteOptional(Relation? r, BinaryWriter output, ExprCodec.Writer exprs)
    {
        output.Write(r is not null);
        if (r is not null) WriteRelation(r, output, exprs);
    }

    static void WriteOptional(Expr? e, BinaryWriter output, ExprCodec.Writer exprs)
    {
        output.Write(e is not null);
        if (e is not null) exprs.Write(e);
    }

    static void WriteText(string? text, BinaryWriter output)
    {
        output.Write(text is not null);
        if (text is not null) output.Write(text);
    }
}
