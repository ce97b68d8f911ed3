using System.Collections.Immutable;
using Verify.Symbolic.Calculus;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Text;

/// <summary>What the parser does with a name that is not in the symbol table.</summary>
public enum UnknownSymbolPolicy
{
    /// <summary>Make a symbol of unknown sign (<see cref="SymbolSign.Real"/>).</summary>
    CreateReal,
    /// <summary>
    /// Reject the text with "unknown symbol 'x'": every free name must be declared. The variable
    /// of an integral is bound, so it may be undeclared (it is then of unknown sign). Syntax
    /// errors are reported first, then the first undeclared name.
    /// </summary>
    Fail,
}

/// <summary>
/// How names in math text resolve: symbols with their signs, functions declared with their
/// arity, the partial derivatives known to <c>diff</c>, and where the text sits in its file
/// (<see cref="Origin"/> is the line and column of its first character) so errors point there.
/// Immutable; derive variants with <c>with { ... }</c> or the <c>With*</c> helpers.
/// </summary>
public sealed record ParseContext
{
    public static readonly ParseContext Default = new();

    public SymbolTable Symbols { get; init; } = SymbolTable.Empty;

    public UnknownSymbolPolicy UnknownSymbols { get; init; } = UnknownSymbolPolicy.CreateReal;

    /// <summary>Functions beyond the built-ins, by name, with the number of arguments each takes.</summary>
    public ImmutableDictionary<string, int> Functions
    {
        get => _functions;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var (name, arity) in value) Validate(name, arity);
            _functions = value;
        }
    }
    readonly ImmutableDictionary<string, int> _functions = ImmutableDictionary.Create<string, int>(StringComparer.Ordinal);

    /// <summary>Passed to differentiation by <c>diff(e, x)</c> for the partials of declared functions.</summary>
    public IFunctionDerivatives? FunctionDerivatives { get; init; }

    /// <summary>
    /// Keep diff(e, x) as a call, to be expanded later by <see cref="Calculus.DeferredDerivatives"/>:
    /// for text whose names stand for quantities that are substituted only after parsing.
    /// </summary>
    public bool DeferDerivatives { get; init; }

    public TextPosition Origin { get; init; } = TextPosition.Start;

    public ParseContext WithSymbols(params IEnumerable<Symbol> symbols) => this with { Symbols = Symbols.Add(symbols) };

    public ParseContext WithFunction(string name, int arity) => this with { Functions = Functions.SetItem(name, arity) };

    public ParseContext At(int line, int column) => this with { Origin = new TextPosition(line, column) };

    public ParseContext Strict() => this with { UnknownSymbols = UnknownSymbolPolicy.Fail };

    static void Validate(string name, int arity)
    {
        if (!Lexer.IsIdentifier(name))
            throw new ArgumentException($"'{name}' cannot be a function name: a name is a letter followed by letters, digits or underscores.", nameof(name));
        if (BuiltInFunctions.IsBuiltIn(name))
            throw new ArgumentException($"'{name}' is a built-in function and cannot be redeclared.", nameof(name));
        if (arity < 0)
            throw new ArgumentOutOfRangeException(nameof(arity), arity, $"function '{name}' needs a non-negative number of arguments.");
    }
}
