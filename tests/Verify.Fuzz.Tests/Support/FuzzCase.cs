using FsCheck;
using FsCheck.Fluent;

namespace Verify.Fuzz.Tests.Support;

/// <summary>One fuzz case: which seed input to start from and the damage done to it.</summary>
public sealed record FuzzCase(int Seed, Mutation[] Mutations)
{
    public override string ToString() => $"seed input {Seed}, mutations [{string.Join(", ", Mutations.Select(m => m.ToString()))}]";

    /// <summary>Cases over <paramref name="seeds"/> inputs with 1 to <paramref name="maxMutations"/> mutations each.</summary>
    public static Gen<FuzzCase> Over(int seeds, int maxMutations = 4) =>
        from seed in Gen.Choose(0, seeds - 1)
        from count in Gen.Choose(1, maxMutations)
        from mutations in Mutation().ArrayOf(count)
        select new FuzzCase(seed, mutations);

    static Gen<Mutation> Mutation() =>
        from kind in Gen.Elements(Enum.GetValues<MutationKind>())
        from at in Gen.Choose(0, int.MaxValue)
        from what in Gen.Choose(0, int.MaxValue)
        select new Mutation(kind, at, what);
}
