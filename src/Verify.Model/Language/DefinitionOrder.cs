namespace Verify.Model.Language;

/// <summary>
/// Orders definitions (derived parameters, fixes, quantities, functions) so that each comes after
/// the ones it uses, and reports a cycle as "circular definition: x -> y -> x" at the first
/// definition of the cycle in file order.
/// </summary>
static class DefinitionOrder
{
    /// <summary>A definition: its name, where it is written, and the names it uses (others are ignored).</summary>
    public sealed record Node(string Name, int Offset, IReadOnlyCollection<string> Uses);

    public static List<Node> Sort(IReadOnlyList<Node> nodes, SourceText source, string kind)
    {
        var byName = new Dictionary<string, Node>(StringComparer.Ordinal);
        foreach (var n in nodes) byName.TryAdd(n.Name, n);
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1 visiting, 2 done
        var order = new List<Node>();
        var path = new List<string>();
        foreach (var n in nodes.OrderBy(n => n.Offset)) Visit(n);
        return order;

        void Visit(Node n)
        {
            if (state.TryGetValue(n.Name, out var s))
            {
                if (s == 2) return;
                var cycle = path.Skip(path.IndexOf(n.Name)).Append(n.Name).ToList();
                var first = cycle.Distinct().Select(x => byName[x]).MinBy(x => x.Offset)!;
                throw source.Error(first.Offset, $"circular definition of {kind}: {string.Join(" -> ", Rotate(cycle, first.Name))}");
            }
            state[n.Name] = 1;
            path.Add(n.Name);
            foreach (var used in n.Uses.Order(StringComparer.Ordinal))
                if (byName.TryGetValue(used, out var m)) Visit(m);
            path.RemoveAt(path.Count - 1);
            state[n.Name] = 2;
            order.Add(n);
        }
    }

    /// <summary>The cycle a -> b -> c -> a written to start and end at <paramref name="start"/>.</summary>
    static IEnumerable<string> Rotate(List<string> cycle, string start)
    {
        var ring = cycle.Take(cycle.Count - 1).ToList();
        var k = ring.IndexOf(start);
        return ring.Skip(k).Concat(ring.Take(k)).Append(start);
    }
}
