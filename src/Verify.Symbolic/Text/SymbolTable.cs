using System.Collections;
using System.Collections.Immutable;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Text;

/// <summary>
/// An immutable map from names to symbols, so the parser gives each name its declared sign
/// (sigma &gt; 0, say) and an expression parsed twice is built from equal symbols.
/// </summary>
public sealed class SymbolTable : IReadOnlyCollection<Symbol>
{
    readonly ImmutableDictionary<string, Symbol> _byName;
    SymbolTable(ImmutableDictionary<string, Symbol> byName) { _byName = byName; }

    public static readonly SymbolTable Empty = new(ImmutableDictionary.Create<string, Symbol>(StringComparer.Ordinal));

    public static SymbolTable Of(params IEnumerable<Symbol> symbols) => Empty.Add(symbols);

    /// <summary>A table with <paramref name="symbol"/> added; declaring one name with two different signs is an error.</summary>
    public SymbolTable Add(Symbol symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (!Lexer.IsIdentifier(symbol.Name))
            throw new ArgumentException($"'{symbol.Name}' cannot be written in math text: a name is a letter followed by letters, digits or underscores.", nameof(symbol));
        if (BuiltInFunctions.IsBuiltIn(symbol.Name))
            throw new ArgumentException($"'{symbol.Name}' is a built-in function and cannot name a symbol.", nameof(symbol));
        if (_byName.TryGetValue(symbol.Name, out var old))
        {
            if (old.Equals(symbol)) return this;
            throw new ArgumentException($"symbol '{symbol.Name}' is already declared as {old.Sign}, not {symbol.Sign}.", nameof(symbol));
        }
        return new SymbolTable(_byName.Add(symbol.Name, symbol));
    }

    public SymbolTable Add(IEnumerable<Symbol> symbols) => symbols.Aggregate(this, (table, s) => table.Add(s));

    public SymbolTable Declare(string name, SymbolSign sign = SymbolSign.Real) => Add(Expr.Sym(name, sign));

    public bool TryGet(string name, out Symbol symbol) => _byName.TryGetValue(name, out symbol!);

    public bool Contains(string name) => _byName.ContainsKey(name);

    public int Count => _byName.Count;
    public IEnumerator<Symbol> GetEnumerator() => _byName.Values.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
