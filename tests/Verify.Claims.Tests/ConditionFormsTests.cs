using NUnit.Framework;
using Verify.Claims.Checking;
using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Claims.Tests;

using Assumptions = Verify.Symbolic.Assumptions.Assumptions;

/// <summary>Polynomial forms of a phase's conditions: equivalent under the domain, and enough for linear reasoning to exclude a phase.</summary>
public class ConditionFormsTests
{
    static readonly Symbol SE = Sym("sE", SymbolSign.Positive);
    static readonly Symbol Phi = Sym("phi", SymbolSign.NonNegative);
    static readonly Relation[] Domain =
    [
        new(Num(1, 2), RelationOperator.Less, SE), new(SE, RelationOperator.Less, One),
        new(Zero, RelationOperator.Less, Phi), new(Phi, RelationOperator.Less, One),
    ];

    // Phase XX of relocation-entry at sigma = rho = 2 (aR <= aX, divided by aX > 0) and the claim's phiP < phi.
    static readonly Relation PhaseXX = new(Phi * (2 * SE - 1) / ((1 - Phi) * (1 - SE)), RelationOperator.LessOrEqual, One);
    static readonly Relation AbovePartition = new(1 / SE - 1, RelationOperator.Less, Phi);

    [Test]
    public void ThePartitionConditionsContradictOnceWrittenAsPolynomials()
    {
        var conditions = Domain.Append(PhaseXX).Append(AbovePartition).ToList();
        var oracle = new Assumptions(conditions);   // as written, linear reasoning sees no contradiction
        var forms = conditions.SelectMany(r => ConditionForms.Of(r, oracle)).ToList();
        Assert.Throws<ArgumentException>(() => _ = new Assumptions(conditions.Concat(forms)));
    }

    [Test]
    public void ARootIsRaisedAway()
    {
        // phi < ((1 - sE)/sE)^(1/2), both sides positive: phi^2*sE/(1 - sE) < 1, so phi^2*sE + sE - 1 < 0.
        var below = new Relation(Phi, RelationOperator.Less, Sqrt(1 - SE) / Sqrt(SE));
        var oracle = new Assumptions(Domain.Append(below));
        var forms = ConditionForms.Of(below, oracle).ToList();
        var expected = new Relation(SE + Pow(Phi, 2) * SE - 1, RelationOperator.Less, Zero);
        Assert.That(forms, Has.Some.EqualTo(expected).Or.Some.EqualTo(new Relation(1 - SE - Pow(Phi, 2) * SE, RelationOperator.Greater, Zero)), string.Join("; ", forms));
    }

    [Test]
    public void EveryFormHoldsExactlyWhereTheRelationDoes()
    {
        var conditions = new[] { PhaseXX, AbovePartition };
        var oracle = new Assumptions(Domain);
        var random = new Random(20261207);
        TestContext.Out.WriteLine("seed 20261207, 2000 points");
        foreach (var r in conditions)
            foreach (var form in ConditionForms.Of(r, oracle))
                for (int i = 0; i < 1000; i++)
                {
                    var point = new Dictionary<Symbol, double> { [SE] = 0.5 + 0.5 * random.NextDouble(), [Phi] = random.NextDouble() };
                    Assert.That(Holds(form, point), Is.EqualTo(Holds(r, point)), $"{r} vs {form} at sE = {point[SE]}, phi = {point[Phi]}");
                }
    }

    static bool Holds(Relation r, IReadOnlyDictionary<Symbol, double> at)
    {
        double l = Verify.Symbolic.Numbers.Evaluator.Evaluate(r.Left, at), rt = Verify.Symbolic.Numbers.Evaluator.Evaluate(r.Right, at);
        return r.Operator switch
        {
            RelationOperator.Less => l < rt,
            RelationOperator.LessOrEqual => l <= rt,
            RelationOperator.Greater => l > rt,
            _ => l >= rt,
        };
    }
}
