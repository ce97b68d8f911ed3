using Verify.Derivation.Results;
using Verify.Derivation.Steps;
using Verify.Model.Language;
using Verify.Symbolic.Assumptions;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Persistence;

/// <summary>
/// Reads what <see cref="DerivationWriter"/> wrote, against the model it was derived from (regimes,
/// phases and thresholds are the model's own objects, found by name). Input that does not fit is an
/// <see cref="InvalidDataException"/>; the caller then derives afresh.
/// </summary>
public static class DerivationReader
{
    public static ModelDerivation Read(ModelDocument model, BinaryReader input)
    {
        var exprs = new ExprCodec.Reader(input);
        var regimes = new List<RegimeDerivation>();
        var count = Count(input);
        if (count != model.Regimes.Count) throw new InvalidDataException($"{count} regimes stored, the model has {model.Regimes.Count}");
        for (int r = 0; r < count; r++)
        {
            var name = input.ReadString();
            var regime = model.FindRegime(name) ?? throw new InvalidDataException($"no regime '{name}' in the model");
            var phases = Many(input, () => ReadPhase(regime, input, exprs));
            var thresholdCount = Count(input);
            if (thresholdCount != regime.Thresholds.Count) throw new InvalidDataException($"{name}: {thresholdCount} thresholds stored");
            var thresholds = new List<ThresholdDerivation>();
            for (int t = 0; t < thresholdCount; t++)
            {
                var phaseKey = input.ReadString();
                var value = input.ReadBoolean() ? exprs.Read() : null;
                var kind = Kind(input.ReadByte());
                var steps = ReadSteps(input, exprs);
                thresholds.Add(new ThresholdDerivation(regime.Thresholds[t], phaseKey, value, kind, steps, Text(input)));
            }
            regimes.Add(new RegimeDerivation(regime, phases, thresholds));
        }
        if (input.BaseStream.Position != input.BaseStream.Length) throw new InvalidDataException("bytes left over after the derivation");
        return new ModelDerivation(new DerivationContext(model), regimes);
    }

    static PhaseDerivation ReadPhase(Regime regime, BinaryReader input, ExprCodec.Reader exprs)
    {
        var phaseName = Text(input);
        var phase = phaseName is null ? null
            : regime.Phases.FirstOrDefault(p => p.Name == phaseName) ?? throw new InvalidDataException($"no phase '{phaseName}' in {regime.Name}");
        var values = new Dictionary<Symbol, DerivedValue>();
        var valueCount = Count(input);
        for (int i = 0; i < valueCount; i++)
        {
            var symbol = exprs.ReadSymbol();
            var value = exprs.Read();
            var kind = Kind(input.ReadByte());
            var origin = input.ReadString();
            values.Add(symbol, new DerivedValue(symbol, value, kind, origin, Text(input), Text(input)));
        }
        var steps = ReadSteps(input, exprs);
        var conditions = Many(input, () => ReadEquation(input, exprs));
        var unknowns = Many(input, () =>
        {
            var unknown = exprs.ReadSymbol();
            var function = input.ReadString();
            var parameters = Many(input, exprs.ReadSymbol);
            var residual = exprs.Read();
            var domain = ReadRelations(input, exprs);
            var condition = input.ReadBoolean() ? ReadEquation(input, exprs) : null;
            return new ImplicitUnknown(unknown, function, parameters, residual, domain) { Condition = condition, Block = input.Read7BitEncodedInt() };
        });
        var relations = ReadRelations(input, exprs);
        var symbols = Many(input, exprs.ReadSymbol);
        var checks = Many(input, () => new ConditionCheck(input.ReadString(), Status(input.ReadByte()), input.ReadString()));
        var existence = ReadRelations(input, exprs);
        var domainsProved = ReadRelations(input, exprs);
        return new PhaseDerivation
        {
            Regime = regime, Phase = phase, Values = values, Steps = steps, Conditions = conditions,
            ImplicitUnknowns = unknowns, Implicits = Implicits(unknowns, new Assumptions(relations, symbols)),
            Existence = existence, Checks = checks, DomainsProved = domainsProved,
        };
    }

    /// <summary>The registry as the deriver builds it: one function per block of a single unknown, in order.</summary>
    static ImplicitFunctions Implicits(IReadOnlyList<ImplicitUnknown> unknowns, Assumptions oracle)
    {
        var implicits = new ImplicitFunctions(new Solving.ImplicitSigns(oracle, unknowns)) { DeferUnprovedSlopes = true };
        try
        {
            foreach (var u in unknowns)
                if (unknowns.Count(x => x.Block == u.Block) == 1) implicits.Define(u.FunctionName, u.Unknown, u.Parameters, u.Residual);
        }
        catch (ArgumentException e) { throw new InvalidDataException($"an implicit function does not define: {e.Message}", e); }
        return implicits;
    }

    static List<DerivationStep> ReadSteps(BinaryReader input, ExprCodec.Reader exprs) => Many(input, () =>
    {
        var rule = input.ReadString();
        var before = input.ReadBoolean() ? ReadRelation(input, exprs) : null;
        var after = input.ReadBoolean() ? ReadRelation(input, exprs) : null;
        var conditions = Many(input, input.ReadString);
        return new DerivationStep(rule, before, after, conditions, Text(input));
    });

    static Equation ReadEquation(BinaryReader input, ExprCodec.Reader exprs)
    {
        var label = input.ReadString();
        var left = exprs.Read();
        return new Equation(label, left, exprs.Read());
    }

    static List<Relation> ReadRelations(BinaryReader input, ExprCodec.Reader exprs) => Many(input, () => ReadRelation(input, exprs));

    static Relation ReadRelation(BinaryReader input, ExprCodec.Reader exprs)
    {
        var left = exprs.Read();
        var op = (RelationOperator)input.ReadByte();
        if (!Enum.IsDefined(op)) throw new InvalidDataException($"unknown relation operator {(byte)op}");
        return new Relation(left, op, exprs.Read());
    }

    static List<T> Many<T>(BinaryReader input, Func<T> read)
    {
        var n = Count(input);
        var items = new List<T>(Math.Min(n, 1024));
        for (int i = 0; i < n; i++) items.Add(read());
        return items;
    }

    static int Count(BinaryReader input)
    {
        var n = input.Read7BitEncodedInt();
        if (n < 0 || n > 1 << 24) throw new InvalidDataException($"a count of {n}");
        return n;
    }

    static string? Text(BinaryReader input) => input.ReadBoolean() ? input.ReadString() : null;

    static FormKind Kind(byte b) => Enum.IsDefined((FormKind)b) ? (FormKind)b : throw new InvalidDataException($"unknown form kind {b}");

    static CheckStatus Status(byte b) => Enum.IsDefined((CheckStatus)b) ? (CheckStatus)b : throw new InvalidDataException($"unknown check status {b}");
}
