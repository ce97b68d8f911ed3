using System.Collections.Immutable;

namespace Verify.Symbolic.Core;

/// <summary>
/// An immutable real-valued expression. Nodes are built only through the static factories
/// (<see cref="Add(Expr[])"/>, <see cref="Mul(Expr[])"/>, <see cref="Pow"/>, ...), which keep every
/// tree in canonical form; so structurally equal means equal by the canonical rules.
/// </summary>
public abstract class Expr : IEquatable<Expr>, IComparable<Expr>
{
    readonly int _hash;
    private protected Expr(int hash) { _hash = hash; }

    public sealed override int GetHashCode() => _hash;
    public sealed override bool Equals(object? obj) => obj is Expr e && Equals(e);
    public bool Equals(Expr? other) =>
        other is not null && (ReferenceEquals(this, other) || (_hash == other._hash && StructurallyEquals(other)));
    private protected abstract bool StructurallyEquals(Expr other);
    public int CompareTo(Expr? other) => other is null ? 1 : ExprOrder.Compare(this, other);

    public static bool operator ==(Expr? a, Expr? b) => a is null ? b is null : a.Equals(b);
    public static bool operator !=(Expr? a, Expr? b) => !(a == b);

    /// <summary>The direct children, in order.</summary>
    public abstract IReadOnlyList<Expr> Children { get; }

    long _size;

    /// <summary>
    /// The number of nodes written out as a tree (a sub-tree shared k times counts k times), up to
    /// long.MaxValue: the work of a traversal that does not remember shared nodes. Cached, so it
    /// costs one visit per distinct node; see <see cref="WorkLimit"/>.
    /// </summary>
    public long Size
    {
        get
        {
            if (_size > 0) return _size;
            StackGuard.Ensure();
            long size = 1;
            foreach (var c in Children) size = c.Size > long.MaxValue - size ? long.MaxValue : size + c.Size;
            return _size = size;
        }
    }

    public override string ToString() => Text.PlainPrinter.Print(this);

    // ---- factories (canonical, with the structural sign oracle) ----
    public static readonly Expr Zero = new Number(Rational.Zero);
    public static readonly Expr One = new Number(Rational.One);
    public static readonly Expr MinusOne = new Number(Rational.MinusOne);
    public static readonly Expr OneHalf = new Number(Rational.Half);

    public static Expr Num(Rational value) => value.IsZero ? Zero : value.IsOne ? One : new Number(value);
    public static Expr Num(long numerator, long denominator) => Num(new Rational(numerator, denominator));
    public static Symbol Sym(string name, SymbolSign sign = SymbolSign.Real) => new(name, sign);

    public static Expr Add(params Expr[] terms) => Canonical.Add(terms, StructuralSign.Instance);
    public static Expr Add(IEnumerable<Expr> terms) => Canonical.Add(terms.ToArray(), StructuralSign.Instance);
    public static Expr Mul(params Expr[] factors) => Canonical.Mul(factors, StructuralSign.Instance);
    public static Expr Mul(IEnumerable<Expr> factors) => Canonical.Mul(factors.ToArray(), StructuralSign.Instance);
    public static Expr Pow(Expr b, Expr e) => Canonical.Pow(b, e, StructuralSign.Instance);
    public static Expr Ln(Expr x) => Canonical.Ln(x, StructuralSign.Instance);
    public static Expr Exp(Expr x) => Canonical.Exp(x, StructuralSign.Instance);
    public static Expr Sqrt(Expr x) => Pow(x, OneHalf);
    public static Expr Neg(Expr x) => Mul(MinusOne, x);
    public static Expr Sub(Expr a, Expr b) => Add(a, Neg(b));
    public static Expr Div(Expr a, Expr b) => Mul(a, Pow(b, MinusOne));
    public static Expr Call(string name, params Expr[] args) => Canonical.Call(name, args, ImmutableArray<int>.Empty);
    public static Expr Call(string name, IEnumerable<Expr> args, IEnumerable<int> partials) =>
        Canonical.Call(name, args.ToArray(), partials.ToImmutableArray());
    public static Expr Integral(Expr body, Symbol variable, Expr lower, Expr upper) =>
        Canonical.Integral(body, variable, lower, upper);

    public static Expr operator +(Expr a, Expr b) => Add(a, b);
    public static Expr operator -(Expr a, Expr b) => Sub(a, b);
    public static Expr operator -(Expr a) => Neg(a);
    public static Expr operator *(Expr a, Expr b) => Mul(a, b);
    public static Expr operator /(Expr a, Expr b) => Div(a, b);
    public static implicit operator Expr(int n) => Num(n);

    public Expr Pow(Expr e) => Pow(this, e);

    /// <summary>Every symbol that occurs free (integration variables are bound).</summary>
    public ImmutableHashSet<Symbol> FreeSymbols()
    {
        var set = ImmutableHashSet.CreateBuilder<Symbol>();
        Collect(this, set);
        return set.ToImmutable();

        static void Collect(Expr e, ImmutableHashSet<Symbol>.Builder acc)
        {
            switch (e)
            {
                case Symbol s: acc.Add(s); break;
                case Integral i:
                    var inner = ImmutableHashSet.CreateBuilder<Symbol>();
                    Collect(i.Body, inner);
                    inner.Remove(i.Variable);
                    acc.UnionWith(inner);
                    Collect(i.Lower, acc); Collect(i.Upper, acc);
                    break;
                default:
                    foreach (var c in e.Children) Collect(c, acc);
                    break;
            }
        }
    }

    /// <summary>True when <paramref name="s"/> occurs free in this expression.</summary>
    public bool Contains(Symbol s) => FreeSymbols().Contains(s);

    /// <summary>True when any node satisfies <paramref name="predicate"/>.</summary>
    public bool Any(Func<Expr, bool> predicate) => predicate(this) || Children.Any(c => c.Any(predicate));
}

/// <summary>What is declared about a symbol's sign; it lets construction apply rules that need x &gt; 0.</summary>
public enum SymbolSign { Real, NonNegative, Positive }

public sealed class Number : Expr
{
    public Rational Value { get; }
    internal Number(Rational value) : base(HashCode.Combine(1, value)) { Value = value; }
    public override IReadOnlyList<Expr> Children => [];
    private protected override bool StructurallyEquals(Expr other) => other is Number n && n.Value == Value;
}

public sealed class Symbol : Expr
{
    public string Name { get; }
    public SymbolSign Sign { get; }
    internal Symbol(string name, SymbolSign sign) : base(HashCode.Combine(2, name, sign))
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A symbol needs a name.", nameof(name));
        Name = name; Sign = sign;
    }
    public override IReadOnlyList<Expr> Children => [];
    private protected override bool StructurallyEquals(Expr other) => other is Symbol s && s.Name == Name && s.Sign == Sign;
}

/// <summary>A sum of two or more terms: flat, like terms collected, sorted, constant last.</summary>
public sealed class Sum : Expr
{
    public ImmutableArray<Expr> Terms { get; }
    internal Sum(ImmutableArray<Expr> terms) : base(ListHash(3, terms)) { Terms = terms; }
    public override IReadOnlyList<Expr> Children => Terms;
    private protected override bool StructurallyEquals(Expr other) => other is Sum s && s.Terms.SequenceEqual(Terms);
    internal static int ListHash(int seed, ImmutableArray<Expr> items)
    {
        var h = new HashCode(); h.Add(seed);
        foreach (var i in items) h.Add(i.GetHashCode());
        return h.ToHashCode();
    }
}

/// <summary>A product of two or more factors: flat, numeric coefficient first, powers of one base merged, sorted.</summary>
public sealed class Product : Expr
{
    public ImmutableArray<Expr> Factors { get; }
    internal Product(ImmutableArray<Expr> factors) : base(Sum.ListHash(4, factors)) { Factors = factors; }
    public override IReadOnlyList<Expr> Children => Factors;
    private protected override bool StructurallyEquals(Expr other) => other is Product p && p.Factors.SequenceEqual(Factors);

    /// <summary>The numeric coefficient (1 when there is none).</summary>
    public Rational Coefficient => Factors[0] is Number n ? n.Value : Rational.One;
}

public sealed class Power : Expr
{
    public Expr Base { get; }
    public Expr Exponent { get; }
    internal Power(Expr b, Expr e) : base(HashCode.Combine(5, b, e)) { Base = b; Exponent = e; }
    public override IReadOnlyList<Expr> Children => [Base, Exponent];
    private protected override bool StructurallyEquals(Expr other) => other is Power p && p.Base.Equals(Base) && p.Exponent.Equals(Exponent);
}

/// <summary>Natural logarithm.</summary>
public sealed class Log : Expr
{
    public Expr Argument { get; }
    internal Log(Expr x) : base(HashCode.Combine(6, x)) { Argument = x; }
    public override IReadOnlyList<Expr> Children => [Argument];
    private protected override bool StructurallyEquals(Expr other) => other is Log l && l.Argument.Equals(Argument);
}

public sealed class Exponential : Expr
{
    public Expr Argument { get; }
    internal Exponential(Expr x) : base(HashCode.Combine(7, x)) { Argument = x; }
    public override IReadOnlyList<Expr> Children => [Argument];
    private protected override bool StructurallyEquals(Expr other) => other is Exponential l && l.Argument.Equals(Argument);
}

/// <summary>
/// A function applied to arguments: a built-in (max, min, abs) or one defined elsewhere, such as an
/// implicitly defined quantity. <see cref="Partials"/> lists the argument positions (sorted, with
/// repetition) it has been differentiated by; empty for the function itself.
/// </summary>
public sealed class Call : Expr
{
    public string Name { get; }
    public ImmutableArray<Expr> Arguments { get; }
    public ImmutableArray<int> Partials { get; }
    internal Call(string name, ImmutableArray<Expr> args, ImmutableArray<int> partials)
        : base(HashCode.Combine(8, name, Sum.ListHash(0, args), partials.Aggregate(17, (h, i) => h * 31 + i)))
    { Name = name; Arguments = args; Partials = partials; }
    public override IReadOnlyList<Expr> Children => Arguments;
    private protected override bool StructurallyEquals(Expr other) =>
        other is Call c && c.Name == Name && c.Arguments.SequenceEqual(Arguments) && c.Partials.SequenceEqual(Partials);
}

/// <summary>A definite integral of <see cref="Body"/> d<see cref="Variable"/> from Lower to Upper, kept unevaluated.</summary>
public sealed class Integral : Expr
{
    public Expr Body { get; }
    public Symbol Variable { get; }
    public Expr Lower { get; }
    public Expr Upper { get; }
    internal Integral(Expr body, Symbol variable, Expr lower, Expr upper) : base(HashCode.Combine(9, body, variable, lower, upper))
    { Body = body; Variable = variable; Lower = lower; Upper = upper; }
    public override IReadOnlyList<Expr> Children => [Body, Variable, Lower, Upper];
    private protected override bool StructurallyEquals(Expr other) =>
        other is Integral i && i.Body.Equals(Body) && i.Variable.Equals(Variable) && i.Lower.Equals(Lower) && i.Upper.Equals(Upper);
}
