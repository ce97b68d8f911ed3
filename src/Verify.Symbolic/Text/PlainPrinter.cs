using System.Globalization;
using System.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Text;

/// <summary>
/// Prints plain math text that <see cref="Parser"/> reads back to an equal expression, given a
/// context that knows the symbols (with their signs) and the functions:
/// <c>x^(1/2)</c>, <c>2*x/(3*y)</c>, <c>a - b</c>, <c>-x^2</c>, <c>ln(x)</c>, <c>exp(x)</c>,
/// <c>integral(body, a, lower, upper)</c>. A call differentiated by some of its arguments is
/// written <c>name'[i,j](args)</c> with the 0-based argument positions, e.g. <c>aX'[0,1](phi, sigma)</c>
/// is ∂²aX/∂phi∂sigma (the same key <see cref="Numbers.FunctionTable"/> uses).
/// Whenever a more readable form (a quotient, a reordered sum) would not rebuild the same
/// canonical expression, the printer falls back to the literal form.
/// </summary>
public static class PlainPrinter
{
    public static string Print(Expr e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Render(e).Text;
    }

    /// <summary>A laid-out form (<see cref="Form"/>): the same conventions, with its groups kept. It reads back to an equal value.</summary>
    public static string Print(Form form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return RenderForm(form).Text;
    }

    /// <summary>How tightly a printed piece holds together, loosest first; each position demands a minimum.</summary>
    enum Level { Sum, Term, Unary, Power, Atom }

    readonly record struct Piece(string Text, Level Level)
    {
        public string AtLeast(Level required) => Level < required ? $"({Text})" : Text;
    }

    static Piece Render(Expr e)
    {
        StackGuard.Ensure();
        return RenderNode(e);
    }

    static Piece RenderNode(Expr e) => e switch
    {
        Number n => RenderNumber(n.Value),
        Symbol s => new(s.Name, Level.Atom),
        Sum s => RenderSum(s),
        Product p => RenderProduct(p.Coefficient, p.Factors.Where(f => f is not Number).ToList(), p),
        Power pw when Canonical.SplitCoefficient(pw.Exponent).Coefficient.Sign < 0 => RenderProduct(Rational.One, [pw], pw),
        Power pw => RenderPower(pw),
        Log l => new($"ln({Render(l.Argument).Text})", Level.Atom),
        Exponential x => new($"exp({Render(x.Argument).Text})", Level.Atom),
        Call c => new(CallText(c), Level.Atom),
        Integral i => new($"integral({Render(i.Body).Text}, {i.Variable.Name}, {Render(i.Lower).Text}, {Render(i.Upper).Text})", Level.Atom),
        _ => throw new NotSupportedException($"cannot print a {e.GetType().Name}"),
    };

    static Piece RenderForm(Form form)
    {
        StackGuard.Ensure();
        return form switch
        {
            LeafForm l => Render(l.Expr),
            PowerForm p => new($"{RenderForm(p.Base).AtLeast(Level.Atom)}^{Render(p.Exponent).AtLeast(Level.Atom)}", Level.Power),
            QuotientForm q => Joined(q.Negative, q.Above.Select(RenderForm).ToList(), q.Below.Select(RenderForm).ToList()),
            SumForm s => Added(s.Terms.Select(t => (t.Minus, RenderForm(t.Term))).ToList()),
            LogForm l => new($"ln({RenderForm(l.Argument).Text})", Level.Atom),
            _ => throw new NotSupportedException($"cannot print a {form.GetType().Name}"),
        };
    }

    /// <summary>Terms with their signs: "a - b + c"; a leading minus as "-a".</summary>
    static Piece Added(IReadOnlyList<(bool Minus, Piece Term)> terms)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < terms.Count; i++)
        {
            var (minus, term) = terms[i];
            text.Append(i == 0 ? (minus ? "-" : "") : (minus ? " - " : " + ")).Append(term.AtLeast(Level.Term));
        }
        return terms.Count == 1 ? new(text.ToString(), terms[0].Minus ? Level.Unary : terms[0].Term.Level) : new(text.ToString(), Level.Sum);
    }

    /// <summary>±above/below, factors joined by '*', a denominator of several factors in parentheses.</summary>
    static Piece Joined(bool negative, IReadOnlyList<Piece> above, IReadOnlyList<Piece> below)
    {
        var text = above.Count == 0 ? "1" : string.Join("*", above.Select(p => p.AtLeast(Level.Power)));
        if (below.Count == 1) text += "/" + below[0].AtLeast(Level.Power);
        else if (below.Count > 1) text += "/(" + string.Join("*", below.Select(p => p.AtLeast(Level.Power))) + ")";
        var single = above.Count == 1 && below.Count == 0;
        if (negative) return new("-" + (single ? above[0].AtLeast(Level.Power) : text), single ? Level.Unary : Level.Term);
        return single ? above[0] : new(text, Level.Term);
    }

    static Piece RenderNumber(Rational r) =>
        // "-3" is a unary minus; "1/2" and "-1/2" are quotients.
        new(r.ToString(), r.IsInteger ? (r.Sign < 0 ? Level.Unary : Level.Atom) : Level.Term);

    static Piece RenderPower(Power pw) =>
        new($"{Render(pw.Base).AtLeast(Level.Atom)}^{Render(pw.Exponent).AtLeast(Level.Atom)}", Level.Power);

    static string CallText(Call c)
    {
        var args = string.Join(", ", c.Arguments.Select(a => Render(a).Text));
        return c.Partials.IsEmpty ? $"{c.Name}({args})" : $"{c.Name}'[{string.Join(",", c.Partials)}]({args})";
    }

    // ---------- sums ----------

    static Piece RenderSum(Sum sum)
    {
        // Lead with a positive term when there is one, so 1 - s reads that way rather than -s + 1.
        var terms = sum.Terms.ToList();
        var lead = terms.FindIndex(t => !IsNegative(t));
        if (lead > 0) { var t = terms[lead]; terms.RemoveAt(lead); terms.Insert(0, t); }

        var text = new System.Text.StringBuilder(Render(terms[0]).AtLeast(Level.Term));
        foreach (var t in terms.Skip(1))
        {
            var negated = Expr.Neg(t);
            // "a - X" is read back as a + Neg(X); use it only when that gives t again.
            if (IsNegative(t) && Expr.Neg(negated).Equals(t))
                text.Append(" - ").Append(Render(negated).AtLeast(Level.Term));
            else
                text.Append(" + ").Append(Render(t).AtLeast(Level.Term));
        }
        return new(text.ToString(), Level.Sum);
    }

    static bool IsNegative(Expr term) => Canonical.SplitCoefficient(term).Coefficient.Sign < 0;

    // ---------- products and quotients ----------

    /// <summary>
    /// coefficient * factors as "n*a*b/(d*c)": factors with a negative exponent go below the line
    /// when the parser's reading of the quotient rebuilds exactly <paramref name="original"/>.
    /// </summary>
    static Piece RenderProduct(Rational coefficient, IReadOnlyList<Expr> factors, Expr original)
    {
        var above = new List<Expr>();
        var below = new List<Expr>();
        foreach (var f in factors)
        {
            if (Inverse(f) is { } d) below.Add(d);
            else above.Add(f);
        }
        if (below.Count > 0 && !AsParsed(coefficient, above, below).Equals(original))
            return Quotient(coefficient, factors, []);
        return Quotient(coefficient, above, below);
    }

    /// <summary>For x^(-k), the x^k whose reciprocal gives x^(-k) back; null when there is none.</summary>
    static Expr? Inverse(Expr f)
    {
        if (f is not Power p || Canonical.SplitCoefficient(p.Exponent).Coefficient.Sign >= 0) return null;
        var d = Expr.Pow(p.Base, Expr.Neg(p.Exponent));
        return Expr.Pow(d, Expr.MinusOne).Equals(f) ? d : null;
    }

    /// <summary>What the parser builds from the text <see cref="Quotient"/> writes: one Mul per term, '/' as ^-1.</summary>
    static Expr AsParsed(Rational coefficient, List<Expr> above, List<Expr> below)
    {
        var denominator = Denominator(coefficient, below);
        var factors = new List<Expr> { Expr.Num(coefficient.Numerator) };
        factors.AddRange(above);
        if (denominator.Count > 0)
            factors.Add(Expr.Pow(denominator.Count == 1 ? denominator[0] : Expr.Mul(denominator), Expr.MinusOne));
        return Expr.Mul(factors);
    }

    static List<Expr> Denominator(Rational coefficient, IReadOnlyList<Expr> below)
    {
        var list = new List<Expr>();
        if (!coefficient.Denominator.IsOne) list.Add(Expr.Num(coefficient.Denominator));
        list.AddRange(below);
        return list;
    }

    static Piece Quotient(Rational coefficient, IReadOnlyList<Expr> above, IReadOnlyList<Expr> below)
    {
        var numerator = new List<Piece>();
        var magnitude = BigInteger.Abs(coefficient.Numerator);
        if (!magnitude.IsOne || above.Count == 0) numerator.Add(new(Integer(magnitude), Level.Atom));
        // A power left above the line is written as it stands (x^(-1/2)), not sent back here.
        numerator.AddRange(above.Select(f => f is Power p ? RenderPower(p) : Render(f)));
        var denominator = Denominator(coefficient, below).Select(Render).ToList();

        var text = string.Join("*", numerator.Select(p => p.AtLeast(Level.Power)));
        if (denominator.Count == 1) text += "/" + denominator[0].AtLeast(Level.Power);
        else if (denominator.Count > 1) text += "/(" + string.Join("*", denominator.Select(p => p.AtLeast(Level.Power))) + ")";

        var single = numerator.Count == 1 && denominator.Count == 0;
        if (coefficient.Sign < 0)
            return new("-" + text, single ? Level.Unary : Level.Term);
        return single ? numerator[0] : new(text, Level.Term);
    }

    static string Integer(BigInteger n) => n.ToString(CultureInfo.InvariantCulture);
}
