namespace Verify.Derivation.Structure;

/// <summary>A set of equations that must be solved together for the same number of unknowns.</summary>
public sealed record Block(IReadOnlyList<int> Equations, IReadOnlyList<int> Unknowns)
{
    public int Size => Unknowns.Count;
}

/// <summary>
/// The block-triangular order of a system, from which unknowns each equation contains: a maximum
/// matching of equations to unknowns (each matched equation "determines" its unknown), then the
/// strongly connected components of the graph in which an equation points to the equations that
/// determine the other unknowns it contains. Each component is a block; they come in solving order,
/// so a block's equations contain only its own unknowns and those of earlier blocks. Equations left
/// unmatched are redundant given the others; unknowns left unmatched are not pinned down by them.
/// </summary>
public static class BlockDecomposition
{
    /// <param name="incidence">For each equation, the indexes of the unknowns it contains.</param>
    /// <param name="unknownCount">The number of unknowns (indexes 0 .. unknownCount - 1).</param>
    public static IReadOnlyList<Block> Decompose(IReadOnlyList<IReadOnlyCollection<int>> incidence, int unknownCount)
    {
        var matchOfUnknown = MaximumMatching(incidence, unknownCount);
        var matchOfEquation = new int[incidence.Count];
        Array.Fill(matchOfEquation, -1);
        for (int u = 0; u < unknownCount; u++)
            if (matchOfUnknown[u] >= 0) matchOfEquation[matchOfUnknown[u]] = u;

        // Edge e -> e' when e contains the unknown that e' determines.
        var successors = new List<int>[incidence.Count];
        for (int e = 0; e < incidence.Count; e++)
        {
            successors[e] = [];
            if (matchOfEquation[e] < 0) continue;
            foreach (var u in incidence[e])
                if (u != matchOfEquation[e] && matchOfUnknown[u] >= 0) successors[e].Add(matchOfUnknown[u]);
        }
        var blocks = new List<Block>();
        foreach (var component in StronglyConnected(successors, e => matchOfEquation[e] >= 0))
        {
            component.Sort();
            blocks.Add(new Block(component, component.Select(e => matchOfEquation[e]).ToList()));
        }
        return blocks;
    }

    /// <summary>For each unknown, the equation matched to it (or -1): augmenting paths, equations in order.</summary>
    static int[] MaximumMatching(IReadOnlyList<IReadOnlyCollection<int>> incidence, int unknownCount)
    {
        var matchOfUnknown = new int[unknownCount];
        Array.Fill(matchOfUnknown, -1);
        for (int e = 0; e < incidence.Count; e++)
        {
            var visited = new bool[unknownCount];
            Augment(e, incidence, matchOfUnknown, visited);
        }
        return matchOfUnknown;
    }

    static bool Augment(int e, IReadOnlyList<IReadOnlyCollection<int>> incidence, int[] matchOfUnknown, bool[] visited)
    {
        // Prefer an unknown that is still free, so the matching follows the file's order where it can.
        foreach (var u in incidence[e].OrderBy(u => u))
            if (matchOfUnknown[u] < 0) { visited[u] = true; matchOfUnknown[u] = e; return true; }
        foreach (var u in incidence[e].OrderBy(u => u))
        {
            if (visited[u]) continue;
            visited[u] = true;
            if (Augment(matchOfUnknown[u], incidence, matchOfUnknown, visited)) { matchOfUnknown[u] = e; return true; }
        }
        return false;
    }

    /// <summary>
    /// Tarjan's components of the nodes that <paramref name="include"/> admits, in the order it
    /// completes them: a component comes after every component it points to, which is solving order.
    /// Iterative, so a large system cannot exhaust the stack.
    /// </summary>
    static List<List<int>> StronglyConnected(List<int>[] successors, Func<int, bool> include)
    {
        int n = successors.Length, counter = 0;
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        Array.Fill(index, -1);
        var stack = new Stack<int>();
        var result = new List<List<int>>();
        var work = new Stack<(int Node, int Next)>();
        for (int root = 0; root < n; root++)
        {
            if (!include(root) || index[root] >= 0) continue;
            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (v, next) = work.Pop();
                if (next == 0)
                {
                    index[v] = low[v] = counter++;
                    stack.Push(v);
                    onStack[v] = true;
                }
                bool descended = false;
                for (int k = next; k < successors[v].Count; k++)
                {
                    var w = successors[v][k];
                    if (!include(w)) continue;
                    if (index[w] < 0)
                    {
                        work.Push((v, k + 1));
                        work.Push((w, 0));
                        descended = true;
                        break;
                    }
                    if (onStack[w]) low[v] = Math.Min(low[v], index[w]);
                }
                if (descended) continue;
                if (low[v] == index[v])
                {
                    var component = new List<int>();
                    int w;
                    do { w = stack.Pop(); onStack[w] = false; component.Add(w); } while (w != v);
                    result.Add(component);
                }
                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }
        return result;
    }
}
