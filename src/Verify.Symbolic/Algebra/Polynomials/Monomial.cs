namespace Verify.Symbolic.Algebra.Polynomials;

/// <summary>
/// A power product x0^e0 * x1^e1 * ... over a fixed, numbered set of variables: the exponents
/// as a dense vector (the polynomials here have a handful of variables). Ordered
/// lexicographically, x0 first, which is the order exact division reads leading terms in.
/// </summary>
public readonly struct Monomial : IEquatable<Monomial>, IComparable<Monomial>
{
    readonly int[] _exponents;
    readonly int _hash;

    public Monomial(int[] exponents)
    {
        _exponents = exponents;
        var h = new HashCode();
        foreach (var e in exponents) h.Add(e);
        _hash = h.ToHashCode();
    }

    public static Monomial One(int variables) => new(new int[variables]);

    public int Variables => _exponents.Length;
    public int this[int variable] => _exponents[variable];
    public bool IsOne => _exponents.All(e => e == 0);
    public int TotalDegree => _exponents.Sum();

    public Monomial Times(Monomial other)
    {
        var e = new int[_exponents.Length];
        for (int i = 0; i < e.Length; i++) e[i] = _exponents[i] + other._exponents[i];
        return new Monomial(e);
    }

    /// <summary>This divided by <paramref name="other"/>, or null when some exponent would be negative.</summary>
    public Monomial? Over(Monomial other)
    {
        var e = new int[_exponents.Length];
        for (int i = 0; i < e.Length; i++)
            if ((e[i] = _exponents[i] - other._exponents[i]) < 0) return null;
        return new Monomial(e);
    }

    /// <summary>The same power product with <paramref name="variable"/>'s exponent set to <paramref name="exponent"/>.</summary>
    public Monomial With(int variable, int exponent)
    {
        var e = (int[])_exponents.Clone();
        e[variable] = exponent;
        return new Monomial(e);
    }

    public bool Equals(Monomial other) => _hash == other._hash && _exponents.AsSpan().SequenceEqual(other._exponents);
    public override bool Equals(object? obj) => obj is Monomial m && Equals(m);
    public override int GetHashCode() => _hash;

    public int CompareTo(Monomial other)
    {
        for (int i = 0; i < _exponents.Length; i++)
            if (_exponents[i] != other._exponents[i]) return _exponents[i].CompareTo(other._exponents[i]);
        return 0;
    }
}
