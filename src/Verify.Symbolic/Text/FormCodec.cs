using System.Collections.Immutable;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Text;

/// <summary>
/// Laid-out forms written to a binary stream and read back as the same forms, their expressions through
/// <see cref="ExprCodec"/>: a shown form is remembered between runs (choosing it costs far more than reading it).
/// </summary>
public static class FormCodec
{
    enum Tag : byte { Leaf, Power, Quotient, Sum, Log }

    public static byte[] Encode(Form form)
    {
        using var stream = new MemoryStream();
        using (var output = new BinaryWriter(stream))
            Write(form, new ExprCodec.Writer(output), output);
        return stream.ToArray();
    }

    /// <summary>The form in <paramref name="bytes"/>; <see cref="InvalidDataException"/> or <see cref="EndOfStreamException"/> when they are not one.</summary>
    public static Form Decode(byte[] bytes)
    {
        using var input = new BinaryReader(new MemoryStream(bytes));
        var form = Read(new ExprCodec.Reader(input), input);
        if (input.BaseStream.Position != bytes.Length) throw new InvalidDataException("bytes left after the form");
        return form;
    }

    static void Write(Form form, ExprCodec.Writer exprs, BinaryWriter output)
    {
        StackGuard.Ensure();
        switch (form)
        {
            case LeafForm leaf:
                output.Write((byte)Tag.Leaf);
                exprs.Write(leaf.Expr);
                break;
            case PowerForm power:
                output.Write((byte)Tag.Power);
                Write(power.Base, exprs, output);
                exprs.Write(power.Exponent);
                break;
            case QuotientForm quotient:
                output.Write((byte)Tag.Quotient);
                output.Write(quotient.Negative);
                WriteAll(quotient.Above, exprs, output);
                WriteAll(quotient.Below, exprs, output);
                break;
            case SumForm sum:
                output.Write((byte)Tag.Sum);
                output.Write7BitEncodedInt(sum.Terms.Length);
                foreach (var (minus, term) in sum.Terms)
                {
                    output.Write(minus);
                    Write(term, exprs, output);
                }
                break;
            case LogForm log:
                output.Write((byte)Tag.Log);
                Write(log.Argument, exprs, output);
                break;
            default:
                throw new NotSupportedException(form.GetType().Name);
        }
    }

    static void WriteAll(ImmutableArray<Form> forms, ExprCodec.Writer exprs, BinaryWriter output)
    {
        output.Write7BitEncodedInt(forms.Length);
        foreach (var f in forms) Write(f, exprs, output);
    }

    static Form Read(ExprCodec.Reader exprs, BinaryReader input)
    {
        StackGuard.Ensure();
        return (Tag)input.ReadByte() switch
        {
            Tag.Leaf => new LeafForm(exprs.Read()),
            Tag.Power => new PowerForm(Read(exprs, input), exprs.Read()),
            Tag.Quotient => new QuotientForm(input.ReadBoolean(), ReadAll(exprs, input), ReadAll(exprs, input)),
            Tag.Sum => new SumForm([.. Enumerable.Range(0, Count(input)).Select(_ => (input.ReadBoolean(), Read(exprs, input)))]),
            Tag.Log => new LogForm(Read(exprs, input)),
            var tag => throw new InvalidDataException($"unknown form tag {(byte)tag}"),
        };
    }

    static ImmutableArray<Form> ReadAll(ExprCodec.Reader exprs, BinaryReader input) =>
        [.. Enumerable.Range(0, Count(input)).Select(_ => Read(exprs, input))];

    static int Count(BinaryReader input)
    {
        var n = input.Read7BitEncodedInt();
        return n is >= 0 and <= 1_000_000 ? n : throw new InvalidDataException($"a count of {n}");
    }
}
