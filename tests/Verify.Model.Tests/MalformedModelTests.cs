using NUnit.Framework;
using Verify.Model.Language;

namespace Verify.Model.Tests;

/// <summary>Each malformed file is rejected with the exact place (file:line:column) and the gist of the problem.</summary>
public class MalformedModelTests
{
    // A valid model the cases below break one line at a time (line numbers matter).
    const string Header = """
        model tiny
        parameter sigma : sigma > 1
        parameter f : f > 0
        variable a : 0 < a <= 1
        density g(a) = 2*a
        function C(lo, hi) = integral(a^(1 - sigma)*g(a), a, lo, hi)
        """;

    static ModelException Fail(string text)
    {
        var e = Assert.Throws<ModelException>(() => ModelLoader.LoadText(text, "bad.model"))!;
        TestContext.Out.WriteLine(e.Message);
        return e;
    }

    static void AssertAt(ModelException e, int line, int column, string gist)
    {
        Assert.That(e.Message, Does.StartWith($"bad.model:{line}:{column}: "), e.Message);
        Assert.That((e.File, e.Line, e.Column), Is.EqualTo(("bad.model", line, column)));
        Assert.That(e.Problem, Does.Contain(gist));
    }

    [Test]
    public void TheBaseModelLoads()
    {
        var m = ModelLoader.LoadText(Header + """

            regime autarky
              unknown aD : 0 < aD < 1
              unknown B : B > 0
              condition cutoff : aD^(1 - sigma)*B = f
              condition demand : B = 1/C(0, aD)
            end
            """, "good.model");
        Assert.That(m.Regimes.Single().Conditions, Has.Count.EqualTo(2));
    }

    [Test]
    public void UnknownName() => AssertAt(Fail(Header + """

        regime autarky
          unknown aD : 0 < aD < 1
          condition cutoff : aD^(1 - sigma)*Bx = f
        end
        """), 9, 37, "unknown name 'Bx'");

    [Test]
    public void BadExpressionInsideAConditionIsPlacedInTheFile() => AssertAt(Fail(Header + """

        regime autarky
          unknown aD : 0 < aD < 1
          condition cutoff : aD^(1 - sigma) = f +* 2
        end
        """), 9, 42, "expected an expression but found '*'");

    [Test]
    public void BadExpressionOnAContinuationLine() => AssertAt(Fail(Header + """

        regime autarky
          unknown aD : 0 < aD < 1
          condition cutoff : aD^(1 - sigma)
                             + 2 = f )
        end
        """), 10, 30, "')'");

    [Test]
    public void MissingEndAtTheEndOfTheFile() => AssertAt(Fail(Header + """

        regime autarky
          unknown aD : 0 < aD < 1
          condition cutoff : aD = f
        """), 7, 1, "missing 'end'");

    [Test]
    public void MissingEndBeforeTheNextRegime() => AssertAt(Fail(Header + """

        regime autarky
          unknown aD : 0 < aD < 1
          condition cutoff : aD = f
        regime other
        end
        """), 10, 1, "expected 'end' of regime 'autarky' (line 7) before 'regime'");

    [Test]
    public void DuplicateUnknown() => AssertAt(Fail(Header + """

        regime autarky
          unknown B : B > 0
          unknown B : B > 1
          condition c : B = f
        end
        """), 9, 11, "duplicate declaration of 'B': already declared as an unknown at line 8");

    [Test]
    public void TooManyUnknowns() => AssertAt(Fail(Header + """

        regime autarky
          unknown aD : 0 < aD < 1
          unknown B : B > 0
          condition cutoff : aD^(1 - sigma)*B = f
        end
        """), 7, 8, "regime 'autarky' has more unknowns (2) than conditions (1)");

    [Test]
    public void TooManyUnknownsInAPhase() => AssertAt(Fail(Header + """

        regime autarky
          unknown aD : 0 < aD < 1
          unknown B : B > 0
          condition cutoff : aD^(1 - sigma)*B = f
          phase closed
            condition demand : B = 1/C(0, aD)
          end
          phase open
            drop cutoff
            condition demand : B = 2/C(0, aD)
          end
        end
        """), 14, 9, "phase 'open' of regime 'autarky' has more unknowns (2) than conditions (1)");

    [Test]
    public void UnknownFunction() => AssertAt(Fail(Header + """

        regime autarky
          unknown B : B > 0
          condition demand : B = 1/D(0, 1)
        end
        """), 9, 28, "unknown function 'D'");

    [Test]
    public void WrongArity() => AssertAt(Fail(Header + """

        regime autarky
          unknown B : B > 0
          condition demand : B = 1/C(0)
        end
        """), 9, 28, "'C' takes 2 arguments but was given 1");

    [Test]
    public void CarryFromAMissingRegime() => AssertAt(Fail(Header + """

        regime later
          carry aD from nowhere
        end
        """), 8, 17, "cannot carry from 'nowhere'");

    [Test]
    public void CarryOfANameTheRegimeDoesNotDefine() => AssertAt(Fail(Header + """

        regime first
          unknown B : B > 0
          condition c : B = f
        end
        regime second
          carry B, n from first
        end
        """), 12, 12, "regime 'first' has no unknown, quantity or fixed name 'n'");

    [Test]
    public void DropOfAMissingLabel() => AssertAt(Fail(Header + """

        regime autarky
          unknown B : B > 0
          condition demand : B = 1/C(0, 1)
          phase capped
            drop demnad
            condition cap : B = f
          end
        end
        """), 11, 10, "cannot drop 'demnad'");

    [Test]
    public void HintNamingAMissingCondition() => AssertAt(Fail(Header + """

        regime autarky
          unknown B : B > 0
          condition demand : B = 1/C(0, 1)
          hint solve demand, supply for B, f
        end
        """), 10, 22, "hint names condition 'supply'");

    [Test]
    public void CircularDerivedParameters() => AssertAt(Fail(Header + """

        derived x = y + 1
        derived y = 2*x
        """), 7, 9, "circular definition of derived parameters: x -> y -> x");

    [Test]
    public void CircularQuantities() => AssertAt(Fail(Header + """

        regime autarky
          unknown B : B > 0
          condition demand : B = f
          quantity p = q + B
          quantity q = p/2
        end
        """), 10, 12, "p -> q -> p");

    [Test]
    public void UnknownKeyword() => AssertAt(Fail(Header + """

        paramter phi : phi > 0
        """), 7, 1, "unknown keyword 'paramter'");

    [Test]
    public void UnterminatedString() => AssertAt(Fail(Header + """

        parameter phi : phi > 0   "free-ness of trade
        """), 7, 27, "unterminated string");

    [Test]
    public void ThresholdInAMissingPhase() => AssertAt(Fail(Header + """

        parameter phi : 0 <= phi < 1
        regime autarky
          unknown B : B > 0
          condition demand : B = phi
          threshold phiS : B = f for phi in DD
        end
        """), 11, 37, "regime 'autarky' has no phase 'DD'");

    [Test]
    public void ConditionMustBeAnEquation() => AssertAt(Fail(Header + """

        regime autarky
          unknown B : B > 0
          condition demand : B < f
        end
        """), 9, 24, "expected '=' in condition 'demand'");

    [Test]
    public void CircularFunctions() => AssertAt(Fail(Header + """

        function P(x) = Q(x) + 1
        function Q(y) = 2*P(y)
        """), 7, 10, "circular definition of functions: P -> Q -> P");

    [Test]
    public void PhaseBlockWithoutEnd() => AssertAt(Fail(Header + """

        regime autarky
          unknown B : B > 0
          phase closed
            condition demand : B = f
          phase open
            condition demand : B = 2*f
          end
        end
        """), 11, 3, "expected 'end' of phase 'closed' (line 9) before 'phase'");

    [Test]
    public void ReservedName() => AssertAt(Fail(Header + """

        parameter ln : ln > 0
        """), 7, 11, "'ln' is reserved");

    [Test]
    public void PhaseRestatingARegimeConditionMustDropItFirst() => AssertAt(Fail(Header + """

        regime autarky
          unknown B : B > 0
          condition demand : B = f
          phase doubled
            condition demand : B = 2*f
          end
        end
        """), 11, 15, "duplicate condition label 'demand': already used at line 9");

    [Test]
    public void PhaseCannotFixAParameter() => AssertAt(Fail(Header + """

        regime autarky
          unknown B : B > 0
          condition demand : B = f
          phase cheap
            fix f = 1
          end
        end
        """), 11, 9, "phase 'cheap' cannot fix 'f', which is a parameter");

    [Test]
    public void DensityOfSomethingElseThanTheVariable() => AssertAt(Fail("""
        model tiny
        variable a : 0 < a <= 1
        density g(x) = 2*x
        """), 3, 11, "expected the model's variable 'a' as the parameter of density 'g'");

    [Test]
    public void MissingModelStatement() =>
        AssertAt(Fail("parameter f : f > 0\n"), 1, 1, "expected a 'model NAME' statement");

    [Test]
    public void UnreadableFileHasNoPlace()
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "does-not-exist.model");
        var e = Assert.Throws<ModelException>(() => ModelLoader.Load(path))!;
        Assert.That(e.Line, Is.EqualTo(0));
        Assert.That(e.Message, Does.StartWith($"{path}: cannot read the model file"));
    }
}
