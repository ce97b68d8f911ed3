using System.Text;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Text;

/// <summary>Prints plain math text that <see cref="Parser"/> reads back to an equal expression.</summary>
public static class PlainPrinter
{
    public static string Print(Expr e) => Print(e, 0);

    // Precedence: 0 sum, 1 product, 2 unary minus, 3 power, 4 atom.
    static string Print(Expr e, int context)
    {
        string s; int own;
        switch (e)
        {
            case Number n:
                s = n.Value.ToString(); own = n.Value.IsInteger ? (n.Value.Sign < 0 ? 2 : 4) : 1;
                break;
            case Symbol sym: s = sym.Name; own = 4; break;
            case Sum sum:
                var sb = new StringBuilder(Print(sum.Terms[0], 0));
                foreach (var t in sum.Terms.Skip(1))
                {
                    var (c, _) = Canonical.SplitCoefficient(t);
                    if (c.Sign < 0) sb.Append(" - ").Append(Print(Expr.Neg(t), 1));
                    else sb.Append(" + ").Append(Print(t, 1));
                }
                s = sb.ToString(); own = 0;
                break;
            case Product p: (s, own) = PrintProduct(p); break;
            case Power pw:
                s = $"{Print(pw.Base, 4)}^{Print(pw.Exponent, 4)}"; own = 3;
                break;
            case Log l: s = $"ln({Print(l.Argument, 0)})"; own = 4; break;
            case Exponential x: s = $"exp({Print(x.Argument, 0)})"; own = 4; break;
            case Call c:
                var args = string.Join(", ", c.Arguments.Select(a => Print(a, 0)));
                s = c.Partials.IsEmpty ? $"{c.Name}({args})" : $"{c.Name}'[{string.Join(",", c.Partials)}]({args})";
                own = 4;
                break;
            case Integral i:
                s = $"integral({Print(i.Body, 0)}, {i.Variable.Name}, {Print(i.Lower, 0)}, {Print(i.Upper, 0)})"; own = 4;
                break;
            default: throw new NotSupportedException(e.GetType().Name);
        }
        return own < context || (own == context && context == 3) ? $"({s})" : s;
    }

    static (string, int) PrintProduct(Product p)
    {
        var coefficient = p.Coefficient;
        var factors = p.Factors.Where(f => f is not Number).ToList();
        var numerator = new List<string>();
        var denominator = new List<string>();
        foreach (var f in factors)
        {
            if (f is Power { Exponent: Number { Value.Sign: < 0 } k } pw)
            {
                var inv = Expr.Pow(pw.Base, Expr.Num(-k.Value));
                denominator.Add(Print(inv, 3));
            }
            else numerator.Add(Print(f, 1));
        }
        var num = BigIntString(coefficient.Numerator);
        var den = coefficient.Denominator;
        if (!den.IsOne) denominator.Insert(0, den.ToString());
        var negative = coefficient.Sign < 0;
        if (negative) num = num.TrimStart('-');
        var parts = new List<string>();
        if (num != "1" || numerator.Count == 0) parts.Add(num);
        parts.AddRange(numerator);
        var s = string.Join("*", parts);
        if (denominator.Count > 0)
            s += "/" + (denominator.Count == 1 ? denominator[0] : "(" + string.Join("*", denominator) + ")");
        if (negative) return ("-" + s, 2);
        return (s, 1);
    }

    static string BigIntString(System.Numerics.BigInteger n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
