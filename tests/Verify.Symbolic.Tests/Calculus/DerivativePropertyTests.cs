using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;
using Verify.Symbolic.Tests.Support;

namespace Verify.Symbolic.Tests.Calculus;

/// <summary>Symbolic derivatives of random expressions against central finite differences at random points.</summary>
public class DerivativePropertyTests
{
    /// <summary>An expression, one of its own symbols as x (any symbol if it has none), and a point.</summary>
    static readonly FsCheck.Gen<(Expr E, Symbol X, Dictionary<Symbol, double> At)> Draw =
        from e in Gen.OneOf(ExprGenerators.Real(3), ExprGenerators.Positive(3))
        let own = ExprGenerators.All.Where(e.Contains).ToArray()
        from x in Gen.Elements(own.Length > 0 ? own : ExprGenerators.All)
        from at in ExprGenerators.Point
        select (e, x, at);

    /// <summary>
    /// True when d agrees with the finite difference of e in x at the point; points where the value,
    /// the derivative or the difference is not finite (or the difference has not converged) are skipped
    /// and counted, so that the property cannot pass by skipping everything.
    /// </summary>
    static bool Agrees(Expr e, Expr d, Symbol x, Dictionary<Symbol, double> at, ref int skipped)
    {
        double At(Expr f, double v) => Evaluator.Evaluate(f, new Dictionary<Symbol, double>(at) { [x] = v });
        var value = At(e, at[x]);
        var symbolic = At(d, at[x]);
        var numeric = NumericDifferences.Derivative(v => At(e, v), at[x]);
        if (!double.IsFinite(value) || !double.IsFinite(symbolic) || numeric is null) { skipped++; return true; }
        var ok = Math.Abs(symbolic - numeric.Value) <= 1e-6 * Math.Max(1, Math.Max(Math.Abs(symbolic), Math.Abs(value)));
        if (!ok) TestContext.Out.WriteLine($"d/d{x.Name} {e} = {d}: symbolic {symbolic}, numeric {numeric} at {string.Join(", ", at)}");
        return ok;
    }

    [Test]
    public void FirstDerivativesMatchFiniteDifferences()
    {
        int skipped = 0, nonZero = 0, draws = 400;
        Properties.Check(Draw, s =>
        {
            var d = Differentiation.Derivative(s.E, s.X);
            if (!d.Equals(Expr.Zero)) nonZero++;
            return Agrees(s.E, d, s.X, s.At, ref skipped);
        }, seed: 20260501, count: draws);
        TestContext.Out.WriteLine($"skipped {skipped} of {draws}; {nonZero} non-zero derivatives");
        Assert.That(skipped, Is.LessThan(draws / 10));
        Assert.That(nonZero, Is.GreaterThan(draws / 2), "most draws should depend on the variable");
    }

    [Test]
    public void SecondDerivativesMatchDifferencesOfTheFirst()
    {
        int skipped = 0, draws = 150;
        Properties.Check(Draw, s =>
        {
            var d1 = Differentiation.Derivative(s.E, s.X);
            return Agrees(d1, Differentiation.Derivative(d1, s.X), s.X, s.At, ref skipped);
        }, seed: 20260502, count: draws);
        TestContext.Out.WriteLine($"skipped {skipped} of {draws}");
        Assert.That(skipped, Is.LessThan(draws / 10));
    }

    [Test]
    public void MixedPartialsCommute()
    {
        // ∂²e/∂x∂y = ∂²e/∂y∂x, evaluated: a check independent of finite differences.
        var draw = Gen.Zip(ExprGenerators.Positive(3), ExprGenerators.Point);
        Properties.Check(draw, t =>
        {
            var (e, at) = t;
            var xy = Differentiation.Derivative(Differentiation.Derivative(e, ExprGenerators.X), ExprGenerators.Y);
            var yx = Differentiation.Derivative(Differentiation.Derivative(e, ExprGenerators.Y), ExprGenerators.X);
            return ExprGenerators.Close(Evaluator.Evaluate(xy, at), Evaluator.Evaluate(yx, at), 1e-8);
        }, seed: 20260503, count: 150);
    }
}
