using NUnit.Framework;

namespace Verify.Proofs.Tests;

public class BoxSplitterTests
{
    static SearchBox Box(double[] lo, double[] hi) => new(lo, hi, 0);

    [Test]
    public void SplitsTheRelativelyWidestDimensionSlightlyOffCentre()
    {
        // [0, 1] is all of its initial width, [0, 100] only half of its initial [0, 200] here.
        var splitter = new BoxSplitter([0, 0], [1, 200]);
        Assert.That(splitter.TrySplit(Box([0, 0], [1, 100]), out var lower, out var upper), Is.True);
        Assert.That(lower.Hi, Is.EqualTo(new[] { 0.4999, 100 }));
        Assert.That(upper.Lo, Is.EqualTo(new[] { 0.4999, 0 }));
        Assert.That((lower.Depth, upper.Depth), Is.EqualTo((1, 1)));
    }

    [Test]
    public void DimensionSpanningOrdersOfMagnitudeIsSplitInLogSpace()
    {
        var splitter = new BoxSplitter([1e-6, 1], [1, 50]);
        Assert.That(splitter.IsLogScale(0), Is.True);
        Assert.That(splitter.IsLogScale(1), Is.False, "a ratio of 50 is split linearly");
        Assert.That(splitter.TrySplit(Box([1e-6, 1], [1, 50]), out var lower, out _), Is.True);
        Assert.That(lower.Hi[0], Is.EqualTo(1e-3).Within(2e-3 * 1e-3), "the cut is near the geometric mean");
    }

    [Test]
    public void NegativeRangeIsSplitInLogSpaceOfItsMagnitudes()
    {
        var splitter = new BoxSplitter([-1e4], [-1]);
        Assert.That(splitter.TrySplit(Box([-1e4], [-1]), out var lower, out var upper), Is.True);
        Assert.That(lower.Hi[0], Is.EqualTo(-100).Within(1));
        Assert.That(upper.Hi[0], Is.EqualTo(-1));
    }

    [Test]
    public void RangeOfAdjacentDoublesCannotBeSplit()
    {
        var splitter = new BoxSplitter([1, 5], [2, 5]);
        var tiny = Box([1, 5], [Math.BitIncrement(1.0), 5]);
        Assert.That(splitter.TrySplit(tiny, out _, out _), Is.False, "[1, next double] has nothing inside; [5, 5] is a point");
    }
}
