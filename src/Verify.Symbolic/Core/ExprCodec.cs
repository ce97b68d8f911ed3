using System.Collections.Immutable;
using System.Numerics;

namespace Verify.Symbolic.Core;

/// <summary>
/// Expressions written to a binary stream and read back as the very same trees: nodes are rebuilt
/// as they were, not through the canonical factories, so a stored derivation evaluates bit for bit
/// like a fresh one. A node written once is written again as a reference to its first copy
/// (derived forms share large parts). Used by the persistent derivation cache.
/// </summary>
public static class ExprCodec
{
    enum Tag : byte { Reference, Number, Symbol, Sum, Product, Power, Log, Exponential, Call, Integral }

    /// <summary>Writes expressions to one stream; a node seen before is a reference to it.</summary>
    public sealed class Writer(BinaryWriter output)
    {
        readonly Dictionary<Expr, int> _ids = [];

        public void Write(Expr e)
        {
            StackGuard.Ensure();
            if (_ids.TryGetValue(e, out var id))
            {
                output.Write((byte)Tag.Reference);
                output.Write7BitEncodedInt(id);
                return;
            }
            switch (e)
            {
                case Number n:
                    output.Write((byte)Tag.Number);
                    WriteBig(n.Value.Numerator);
                    WriteBig(n.Value.Denominator);
                    break;
                case Symbol s:
                    output.Write((byte)Tag.Symbol);
                    output.Write(s.Name);
                    output.Write((byte)s.Sign);
                    break;
                case Sum s: output.Write((byte)Tag.Sum); WriteAll(s.Terms); break;
                case Product p: output.Write((byte)Tag.Product); WriteAll(p.Factors); break;
                case Power p: output.Write((byte)Tag.Power); Write(p.Base); Write(p.Exponent); break;
                case Log l: output.Write((byte)Tag.Log); Write(l.Argument); break;
                case Exponential x: output.Write((byte)Tag.Exponential); Write(x.Argument); break;
                case Call c:
                    output.Write((byte)Tag.Call);
                    output.Write(c.Name);
                    WriteAll(c.Arguments);
                    output.Write7BitEncodedInt(c.Partials.Length);
                    foreach (var i in c.Partials) output.Write7BitEncodedInt(i);
                    break;
                case Integral i:
                    output.Write((byte)Tag.Integral);
                    Write(i.Body); Write(i.Variable); Write(i.Lower); Write(i.Upper);
                    break;
                default: throw new NotSupportedException($"cannot store a {e.GetType().Name}");
            }
            // Numbered after its children, in the order the reader finishes nodes.
            _ids[e] = _ids.Count;
        }

        void WriteAll(ImmutableArray<Expr> items)
        {
            output.Write7BitEncodedInt(items.Length);
            foreach (var x in items) Write(x);
        }

        void WriteBig(BigInteger n)
        {
            var bytes = n.ToByteArray();
            output.Write7BitEncodedInt(bytes.Length);
            output.Write(bytes);
        }
    }

    /// <summary>Reads what a <see cref="Writer"/> wrote; malformed input is an <see cref="InvalidDataException"/>.</summary>
    public sealed class Reader(BinaryReader input)
    {
        readonly List<Expr> _nodes = [];

        public Expr Read()
        {
            StackGuard.Ensure();
            var tag = (Tag)input.ReadByte();
            if (tag == Tag.Reference)
            {
                var id = input.Read7BitEncodedInt();
                if (id < 0 || id >= _nodes.Count) throw new InvalidDataException($"reference to node {id} of {_nodes.Count}");
                return _nodes[id];
            }
            Expr e = tag switch
            {
                Tag.Number => Number(),
                Tag.Symbol => new Symbol(input.ReadString(), SignOf(input.ReadByte())),
                Tag.Sum => new Sum(ReadAll()),
                Tag.Product => new Product(ReadAll()),
                Tag.Power => Power(),
                Tag.Log => new Log(Read()),
                Tag.Exponential => new Exponential(Read()),
                Tag.Call => Call(),
                Tag.Integral => Integral(),
                _ => throw new InvalidDataException($"unknown node tag {(byte)tag}"),
            };
            _nodes.Add(e);
            return e;
        }

        public Symbol ReadSymbol() => Read() as Symbol ?? throw new InvalidDataException("expected a symbol");

        Expr Number()
        {
            var numerator = ReadBig();
            var denominator = ReadBig();
            if (denominator.Sign <= 0) throw new InvalidDataException("a number with a denominator that is not positive");
            return Expr.Num(new Rational(numerator, denominator));
        }

        Expr Power() { var b = Read(); return new Power(b, Read()); }

        Expr Call()
        {
            var name = input.ReadString();
            var args = ReadAll();
            var count = Count();
            var partials = ImmutableArray.CreateBuilder<int>(count);
            for (int i = 0; i < count; i++) partials.Add(input.Read7BitEncodedInt());
            return new Call(name, args, partials.MoveToImmutable());
        }

        Expr Integral()
        {
            var body = Read();
            var variable = ReadSymbol();
            var lower = Read();
            return new Integral(body, variable, lower, Read());
        }

        ImmutableArray<Expr> ReadAll()
        {
            var count = Count();
            var items = ImmutableArray.CreateBuilder<Expr>(count);
            for (int i = 0; i < count; i++) items.Add(Read());
            return items.MoveToImmutable();
        }

        int Count()
        {
            var n = input.Read7BitEncodedInt();
            if (n < 0 || n > 1 << 24) throw new InvalidDataException($"a count of {n}");
            return n;
        }

        BigInteger ReadBig() => new(input.ReadBytes(Count()));

        static SymbolSign SignOf(byte b) => Enum.IsDefined((SymbolSign)b) ? (SymbolSign)b : throw new InvalidDataException($"unknown sign {b}");
    }
}
