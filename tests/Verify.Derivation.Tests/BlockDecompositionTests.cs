using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using NUnit.Framework;
using Verify.Derivation.Structure;

namespace Verify.Derivation.Tests;

/// <summary>The block-triangular order: blocks are square, cover every matched equation once, and come in solving order.</summary>
public class BlockDecompositionTests
{
    [Test]
    public void TheEntryRegimeSplitsIntoCutOffsAndDemands()
    {
        // Unknowns 0 aD, 1 aX, 2 B, 3 Bs, 4 nw, 5 sn. Cut-offs and free entry in (aD, aX, B, Bs); demands in all.
        int[][] incidence = [[0, 2], [1, 3], [0, 1, 2, 3], [0, 1, 2, 3], [0, 2, 4, 5], [1, 3, 4, 5]];
        var blocks = BlockDecomposition.Decompose(incidence, 6);
        Assert.That(blocks.Select(b => b.Size), Is.EqualTo(new[] { 4, 2 }));
        Assert.That(blocks[1].Unknowns.Order(), Is.EqualTo(new[] { 4, 5 }));
    }

    [Test]
    public void AChainIsSolvedOneAtATime()
    {
        // x0 from e0; x1 from e1 given x0; x2 from e2 given x1.
        int[][] incidence = [[1, 2], [0, 1], [0]];
        var blocks = BlockDecomposition.Decompose(incidence, 3);
        Assert.That(blocks.Select(b => b.Equations.Single()), Is.EqualTo(new[] { 2, 1, 0 }));
        Assert.That(blocks.Select(b => b.Unknowns.Single()), Is.EqualTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public void AnUnknownNoEquationNamesIsLeftOut()
    {
        int[][] incidence = [[0], [0]];
        var blocks = BlockDecomposition.Decompose(incidence, 2);
        Assert.That(blocks, Has.Count.EqualTo(1));
        Assert.That(blocks[0].Unknowns, Is.EqualTo(new[] { 0 }));
    }

    /// <summary>Random incidence with a planted perfect matching: every block is square, and an equation names no unknown of a later block.</summary>
    [Test]
    public void BlocksAreSquareAndInSolvingOrder()
    {
        const ulong Seed = 20261207;
        TestContext.Out.WriteLine($"FsCheck seed {Seed}, 300 draws");
        var gen = Gen.Choose(1, 9).SelectMany(n => Gen.ArrayOf(Gen.ListOf(Gen.Choose(0, n - 1)).Select(l => l.Take(3).ToArray()), n)
            .Select(extra => (N: n, Rows: extra.Select((row, e) => row.Append(e).Distinct().ToArray()).ToArray())));
        var config = Config.QuickThrowOnFailure.WithMaxTest(300).WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(Seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Prop.ForAll(Arb.From(gen), c =>
        {
            var blocks = BlockDecomposition.Decompose(c.Rows, c.N);
            if (blocks.Sum(b => b.Size) != c.N || blocks.Any(b => b.Equations.Count != b.Unknowns.Count)) return false;
            var blockOfUnknown = new int[c.N];
            for (int k = 0; k < blocks.Count; k++) foreach (var u in blocks[k].Unknowns) blockOfUnknown[u] = k;
            for (int k = 0; k < blocks.Count; k++)
                foreach (var e in blocks[k].Equations)
                    if (c.Rows[e].Any(u => blockOfUnknown[u] > k)) return false;
            return true;
        }).Check(config);
    }
}
