using Verify.Symbolic.Core;
using Verify.Symbolic.Numbers;

namespace Verify.Proofs;

/// <summary>The sign a function is claimed to have at every point of its domain.</summary>
public enum SignGoal { Positive, Negative, NonNegative, NonPositive }

/// <summary>What an enclosure or a value says about a <see cref="SignGoal"/>.</summary>
internal static class SignGoals
{
    /// <summary>True when every value in the enclosure meets the goal (and the function is defined throughout).</summary>
    public static bool IsProvedBy(this SignGoal goal, Interval enclosure) =>
        !enclosure.MayBeUndefined && !enclosure.IsEmpty && goal switch
        {
            SignGoal.Positive => enclosure.Lo > 0,
            SignGoal.NonNegative => enclosure.Lo >= 0,
            SignGoal.Negative => enclosure.Hi < 0,
            SignGoal.NonPositive => enclosure.Hi <= 0,
            _ => throw new ArgumentOutOfRangeException(nameof(goal)),
        };

    /// <summary>True when every value in the (defined) enclosure breaks the goal.</summary>
    public static bool IsViolatedBy(this SignGoal goal, Interval enclosure) =>
        !enclosure.MayBeUndefined && !enclosure.IsEmpty && goal switch
        {
            SignGoal.Positive => enclosure.Hi <= 0,
            SignGoal.NonNegative => enclosure.Hi < 0,
            SignGoal.Negative => enclosure.Lo >= 0,
            SignGoal.NonPositive => enclosure.Lo > 0,
            _ => throw new ArgumentOutOfRangeException(nameof(goal)),
        };

    /// <summary>A cheap double-precision hint that a value may break the goal (NaN counts: undefined).</summary>
    public static bool MayBeViolatedBy(this SignGoal goal, double value) =>
        double.IsNaN(value) || goal switch
        {
            SignGoal.Positive => value <= 0,
            SignGoal.NonNegative => value < 0,
            SignGoal.Negative => value >= 0,
            SignGoal.NonPositive => value > 0,
            _ => throw new ArgumentOutOfRangeException(nameof(goal)),
        };

    /// <summary>The signs the goal allows.</summary>
    public static SignSet Allowed(this SignGoal goal) => goal switch
    {
        SignGoal.Positive => SignSet.Positive,
        SignGoal.NonNegative => SignSet.NonNegative,
        SignGoal.Negative => SignSet.Negative,
        SignGoal.NonPositive => SignSet.NonPositive,
        _ => throw new ArgumentOutOfRangeException(nameof(goal)),
    };

    /// <summary>True when the goal bounds the function from below (its minimum decides it).</summary>
    public static bool IsLowerBound(this SignGoal goal) => goal is SignGoal.Positive or SignGoal.NonNegative;

    public static string Describe(this SignGoal goal) => goal.Allowed().Describe();
}
