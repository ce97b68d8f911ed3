namespace Verify.Symbolic.Algebra.Polynomials;

/// <summary>
/// A budget of coefficient operations for one piece of polynomial arithmetic. Cancellation runs
/// on every candidate form that simplification tries, so a gcd that would take long is abandoned
/// (the factors then simply stay) rather than slowing every derivation down.
/// </summary>
public sealed class PolynomialWork(long operations)
{
    long _left = operations;

    public bool Exhausted => _left < 0;

    /// <summary>Counts <paramref name="operations"/>; throws <see cref="PolynomialWorkExceeded"/> once the budget is spent.</summary>
    public void Spend(long operations)
    {
        _left -= operations;
        if (_left < 0) throw new PolynomialWorkExceeded();
    }
}

/// <summary>The budget of a <see cref="PolynomialWork"/> is spent; caught where the work began.</summary>
public sealed class PolynomialWorkExceeded() : Exception("The polynomial arithmetic exceeded its budget.");
