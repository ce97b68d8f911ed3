using Verify.Symbolic.Core;

namespace Verify.Symbolic.Assumptions;

/// <summary>
/// An expression read as c0 + Σ ci·atomi with exact rational coefficients, where each atom is a
/// non-numeric term taken as it stands (beta*fI is one atom). Terms are read off a sum, so
/// products should be expanded first to expose them.
/// </summary>
public sealed class LinearForm
{
    public IReadOnlyDictionary<Expr, Rational> Coefficients { get; }
    public Rational Constant { get; }

    public LinearForm(IReadOnlyDictionary<Expr, Rational> coefficients, Rational constant)
    {
        Coefficients = coefficients.Where(kv => !kv.Value.IsZero).ToDictionary(kv => kv.Key, kv => kv.Value);
        Constant = constant;
    }

    public static LinearForm Of(Expr e)
    {
        var coefficients = new Dictionary<Expr, Rational>();
        var constant = Rational.Zero;
        foreach (var t in e is Sum s ? s.Terms : [e])
        {
            if (t is Number n) { constant += n.Value; continue; }
            var (c, atom) = Canonical.SplitCoefficient(t);
            coefficients[atom] = coefficients.TryGetValue(atom, out var old) ? old + c : c;
        }
        return new LinearForm(coefficients, constant);
    }

    public bool IsConstant => Coefficients.Count == 0;

    /// <summary>True when this form is c·other for some non-zero c.</summary>
    public bool IsMultipleOf(LinearForm other)
    {
        if (IsConstant || other.IsConstant || Coefficients.Count != other.Coefficients.Count) return false;
        var first = Coefficients.First();
        if (!other.Coefficients.TryGetValue(first.Key, out var o)) return false;
        var ratio = first.Value / o;
        return Coefficients.All(kv => other.Coefficients.TryGetValue(kv.Key, out var v) && v * ratio == kv.Value)
            && other.Constant * ratio == Constant;
    }

    public override string ToString() =>
        string.Join(" + ", Coefficients.Select(kv => $"{kv.Value}*{kv.Key}").Append(Constant.ToString()));
}
