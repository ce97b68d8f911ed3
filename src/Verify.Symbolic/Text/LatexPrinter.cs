using System.Globalization;
using System.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Text;

/// <summary>
/// Prints an expression as LaTeX math the way a referee writes it: products by juxtaposition
/// (\cdot before a number, \, beside multi-letter words and logarithms), quotients and negative
/// powers as \frac (as a/b inside exponents), x^{1/2} as \sqrt{x}, exp(x) as e^{x}, ln as \ln,
/// \left( \right) only where precedence needs them, integrals as \int_{lo}^{hi} body \,\mathrm{d}a,
/// and partial derivatives of calls in \partial notation. Names go through <see cref="LatexNames"/>.
/// The output is for reading; it is not parsed back.
/// </summary>
public static class LatexPrinter
{
    public static string Print(Expr e, LatexNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new Writer(names ?? LatexNames.Default).Render(e, inline: false).Text;
    }

    /// <summary>A laid-out form (<see cref="Form"/>) with its groups kept.</summary>
    public static string Print(Form form, LatexNames? names = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new Writer(names ?? LatexNames.Default).RenderForm(form, inline: false).Text;
    }

    /// <summary>How tightly a printed piece holds together, loosest first; each position demands a minimum.</summary>
    enum Level { Sum, Term, Unary, Power, Atom }

    /// <summary>A printed piece; <see cref="Wide"/> pieces (words, logarithms) want a thin space beside other factors.</summary>
    readonly record struct Piece(string Text, Level Level, bool Wide = false)
    {
        public string AtLeast(Level required) => Level < required ? $@"\left({Text}\right)" : Text;
    }

    sealed class Writer(LatexNames names)
    {
        /// <summary>Renders <paramref name="e"/>; <paramref name="inline"/> inside exponents, where quotients read a/b.</summary>
        public Piece Render(Expr e, bool inline)
        {
            StackGuard.Ensure();
            return RenderNode(e, inline);
        }

        Piece RenderNode(Expr e, bool inline) => e switch
        {
            Number n => RenderNumber(n.Value, inline),
            Symbol s => new(names.Symbol(s.Name), Level.Atom, names.IsWord(s.Name)),
            Sum s => RenderSum(s, inline),
            Product p => RenderProduct(p.Coefficient, p.Factors.Where(f => f is not Number).ToList(), inline),
            Power pw when IsNegative(pw.Exponent) => RenderProduct(Rational.One, [pw], inline),
            Power pw => RenderPower(pw),
            Log l => RenderLog(l),
            Exponential x => new($"e^{{{Render(x.Argument, inline: true).Text}}}", Level.Power),
            Call c => RenderCall(c),
            Integral i => RenderIntegral(i),
            _ => throw new NotSupportedException($"cannot print a {e.GetType().Name}"),
        };

        static bool IsNegative(Expr term) => Canonical.SplitCoefficient(term).Coefficient.Sign < 0;

        static string Integer(BigInteger n) => n.ToString(CultureInfo.InvariantCulture);

        static Piece RenderNumber(Rational r, bool inline)
        {
            if (r.IsInteger) return new(Integer(r.Numerator), r.Sign < 0 ? Level.Unary : Level.Atom);
            var sign = r.Sign < 0 ? "-" : "";
            var magnitude = r.Abs();
            return inline
                ? new($"{sign}{Integer(magnitude.Numerator)}/{Integer(magnitude.Denominator)}", Level.Term)
                : new($@"{sign}\frac{{{Integer(magnitude.Numerator)}}}{{{Integer(magnitude.Denominator)}}}", r.Sign < 0 ? Level.Unary : Level.Term);
        }

        Piece RenderSum(Sum sum, bool inline)
        {
            // Lead with a positive term when there is one: 1 - s_{E}, not -s_{E} + 1.
            var terms = sum.Terms.ToList();
            var lead = terms.FindIndex(t => !IsNegative(t));
            if (lead > 0) { var t = terms[lead]; terms.RemoveAt(lead); terms.Insert(0, t); }
            var text = new System.Text.StringBuilder(Render(terms[0], inline).AtLeast(Level.Term));
            foreach (var t in terms.Skip(1))
            {
                if (IsNegative(t)) text.Append(" - ").Append(Render(Expr.Neg(t), inline).AtLeast(Level.Term));
                else text.Append(" + ").Append(Render(t, inline).AtLeast(Level.Term));
            }
            return new(text.ToString(), Level.Sum);
        }

        /// <summary>coefficient * factors, with every factor of negative exponent moved below the line.</summary>
        Piece RenderProduct(Rational coefficient, IReadOnlyList<Expr> factors, bool inline)
        {
            var above = new List<Piece>();
            var below = new List<Piece>();
            var magnitude = BigInteger.Abs(coefficient.Numerator);
            if (!magnitude.IsOne) above.Add(new(Integer(magnitude), Level.Atom));
            if (!coefficient.Denominator.IsOne) below.Add(new(Integer(coefficient.Denominator), Level.Atom));
            foreach (var f in factors)
            {
                if (f is Power p && IsNegative(p.Exponent))
                    below.Add(Render(Expr.Pow(p.Base, Expr.Neg(p.Exponent)), inline));
                else
                    above.Add(Render(f, inline));
            }
            return Assemble(coefficient.Sign < 0, above, below, inline);
        }

        /// <summary>±above/below: juxtaposed, as \frac in display and a/b inside exponents.</summary>
        static Piece Assemble(bool negative, IReadOnlyList<Piece> above, IReadOnlyList<Piece> below, bool inline)
        {
            var sign = negative ? "-" : "";
            if (below.Count == 0)
            {
                if (above.Count == 1) return sign == "" ? above[0] : new(sign + above[0].AtLeast(Level.Power), Level.Unary);
                return new(sign + Juxtapose(above), sign == "" ? Level.Term : Level.Unary);
            }
            if (inline)
            {
                var num = above.Count == 0 ? "1" : above.Count == 1 ? above[0].AtLeast(Level.Power) : Juxtapose(above);
                var den = below.Count == 1 ? below[0].AtLeast(Level.Power) : $@"\left({Juxtapose(below)}\right)";
                if (above.Count > 1) num = $@"\left({num}\right)";
                return new($"{sign}{num}/{den}", Level.Term);
            }
            var numerator = above.Count == 0 ? "1" : above.Count == 1 ? above[0].Text : Juxtapose(above);
            var denominator = below.Count == 1 ? below[0].Text : Juxtapose(below);
            return new($@"{sign}\frac{{{numerator}}}{{{denominator}}}", sign == "" ? Level.Term : Level.Unary);
        }

        public Piece RenderForm(Form form, bool inline)
        {
            StackGuard.Ensure();
            switch (form)
            {
                case LeafForm l: return Render(l.Expr, inline);
                case PowerForm p:
                    var b = RenderForm(p.Base, inline: false);
                    if (p.Exponent.Equals(Expr.OneHalf)) return new($@"\sqrt{{{b.Text}}}", Level.Power);
                    return new($@"\left({b.Text}\right)^{{{Render(p.Exponent, inline: true).Text}}}", Level.Power);
                case QuotientForm q:
                    return Assemble(q.Negative, q.Above.Select(f => RenderForm(f, inline)).ToList(), q.Below.Select(f => RenderForm(f, inline)).ToList(), inline);
                case SumForm s:
                    var text = new System.Text.StringBuilder();
                    for (int i = 0; i < s.Terms.Length; i++)
                    {
                        var (minus, term) = s.Terms[i];
                        text.Append(i == 0 ? (minus ? "-" : "") : (minus ? " - " : " + ")).Append(RenderForm(term, inline).AtLeast(Level.Term));
                    }
                    return new(text.ToString(), s.Terms.Length == 1 ? Level.Unary : Level.Sum);
                case LogForm l:
                    return new($@"\ln\left({RenderForm(l.Argument, inline: false).Text}\right)", Level.Power, Wide: true);
                default: throw new NotSupportedException($"cannot print a {form.GetType().Name}");
            }
        }

        /// <summary>Factors side by side: \cdot before a number, \, beside a wide piece, else a space.</summary>
        static string Juxtapose(IReadOnlyList<Piece> factors)
        {
            var text = new System.Text.StringBuilder(factors[0].AtLeast(Level.Power));
            for (int i = 1; i < factors.Count; i++)
            {
                var next = factors[i].AtLeast(Level.Power);
                text.Append(char.IsAsciiDigit(next[0]) ? @" \cdot " : factors[i - 1].Wide || factors[i].Wide ? @"\, " : " ");
                text.Append(next);
            }
            return text.ToString();
        }

        Piece RenderPower(Power pw)
        {
            var b = Render(pw.Base, inline: false);
            if (pw.Exponent.Equals(Expr.OneHalf)) return new($@"\sqrt{{{b.Text}}}", Level.Power);
            // A symbol (subscripted or not), a natural number or a plain call takes its exponent
            // directly: f_{I}^{2}, 2^{x}, g(x)^{2}; anything else, or a name already carrying a superscript, gets parentheses.
            var direct = pw.Base switch
            {
                Symbol => !b.Text.Contains('^'),
                Number => b.Level == Level.Atom,
                Call c => c.Partials.IsEmpty,
                _ => false,
            };
            var baseText = direct ? b.Text : $@"\left({b.Text}\right)";
            return new($"{baseText}^{{{Render(pw.Exponent, inline: true).Text}}}", Level.Power, b.Wide);
        }

        Piece RenderLog(Log l)
        {
            // \ln x for a plain symbol or number; parentheses otherwise. A thin space keeps "\ln x\, y" from reading as ln(xy).
            var arg = Render(l.Argument, inline: false);
            var simple = l.Argument is Symbol || l.Argument is Number { Value: { IsInteger: true, Sign: >= 0 } };
            return new(simple ? $@"\ln {arg.Text}" : $@"\ln\left({arg.Text}\right)", Level.Power, Wide: true);
        }

        Piece RenderCall(Call c)
        {
            var args = string.Join(", ", c.Arguments.Select(a => Render(a, inline: false).Text));
            if (c.Partials.IsEmpty)
            {
                return c.Name switch
                {
                    "abs" when c.Arguments.Length == 1 => new($@"\left|{args}\right|", Level.Atom),
                    "max" or "min" => new($@"\{c.Name}\left({args}\right)", Level.Atom),
                    "tgamma" when c.Arguments.Length == 1 => new($@"\Gamma\left({args}\right)", Level.Atom),
                    "digamma" when c.Arguments.Length == 1 => new($@"\psi\left({args}\right)", Level.Atom),
                    "gammainc" when c.Arguments.Length == 2 => new($@"P\left({args}\right)", Level.Atom),
                    _ => new($@"{names.Function(c.Name)}\left({args}\right)", Level.Atom),
                };
            }
            var name = c.Name is "max" or "min" ? $@"\{c.Name}" : names.Function(c.Name);
            var groups = c.Partials.GroupBy(i => i).Select(g => (Index: g.Key, Count: g.Count())).ToList();
            var order = c.Partials.Length == 1 ? "" : $"^{{{c.Partials.Length}}}";
            if (groups.All(g => g.Index < c.Arguments.Length && c.Arguments[g.Index] is Symbol))
            {
                // Each differentiated argument is a symbol: the familiar ∂^n f / ∂x ∂y.
                var by = string.Join(@"\, ", groups.Select(g =>
                    $@"\partial {Render(c.Arguments[g.Index], inline: false).Text}{(g.Count > 1 ? $"^{{{g.Count}}}" : "")}"));
                return new($@"\frac{{\partial{order} {name}}}{{{by}}}\left({args}\right)", Level.Term);
            }
            // Otherwise by argument position, 1-based as in print: \partial_{1} f(x + y, z).
            var ops = string.Concat(groups.Select(g => $@"\partial_{{{g.Index + 1}}}{(g.Count > 1 ? $"^{{{g.Count}}}" : "")} "));
            return new($@"{ops}{name}\left({args}\right)", Level.Term);
        }

        Piece RenderIntegral(Integral i)
        {
            var body = Render(i.Body, inline: false).AtLeast(Level.Term);
            var lower = Render(i.Lower, inline: false).Text;
            var upper = Render(i.Upper, inline: false).Text;
            return new($@"\int_{{{lower}}}^{{{upper}}} {body} \,\mathrm{{d}}{names.Symbol(i.Variable.Name)}", Level.Term);
        }
    }
}
