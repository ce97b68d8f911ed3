using System.Collections.Immutable;
using Verify.Symbolic.Core;
using Verify.Symbolic.Text;

namespace Verify.Model.Language;

/// <summary>
/// Parses the math pieces of a model file in place: the parser is told where each piece starts,
/// so its errors carry the file's line and column. Every free name must be in the given symbol
/// table; integration variables are bound and need no declaration.
/// </summary>
/// With <paramref name="deferDerivatives"/>, diff(e, x) stays a call (the laws of motion's diff(x, t)).
sealed class ExpressionReader(SourceText source, ImmutableDictionary<string, int> functions, bool deferDerivatives = false)
{
    public Expr Expression(Piece piece, SymbolTable table) =>
        Run(piece, table, (text, context) => Parser.Parse(text, context), e => [e]);

    public IReadOnlyList<Relation> Relations(Piece piece, SymbolTable table) =>
        Run(piece, table, (text, context) => Parser.ParseRelations(text, context), rs => rs.SelectMany(r => new[] { r.Left, r.Right }));

    /// <summary>One equation left = right, as conditions and thresholds are written.</summary>
    public Relation Equation(Piece piece, SymbolTable table, string what)
    {
        var relation = Run(piece, table, (text, context) => Parser.ParseRelation(text, context), r => [r.Left, r.Right]);
        if (relation.Operator != RelationOperator.Equal)
        {
            var text = Text(piece);
            var at = text.IndexOfAny(['<', '>', '!', '≤', '≥', '≠']);
            throw source.Error(piece.Start + Math.Max(at, 0),
                $"expected '=' in {what} (an equation left = right) but found '{Relation.Symbol(relation.Operator)}'");
        }
        return relation;
    }

    string Text(Piece piece) => source.Clean[piece.Start..piece.End];

    T Run<T>(Piece piece, SymbolTable table, Func<string, ParseContext, T> parse, Func<T, IEnumerable<Expr>> parts)
    {
        var (line, column) = source.Position(piece.Start);
        var context = new ParseContext { Symbols = table, Functions = functions, UnknownSymbols = UnknownSymbolPolicy.CreateReal, DeferDerivatives = deferDerivatives }.At(line, column);
        T result;
        try { result = parse(Text(piece), context); }
        catch (ParseException e)
        {
            var prefix = $"{e.Line}:{e.Column}: ";
            var problem = e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
            throw new ModelException(source.File, e.Line, e.Column, problem, e);
        }
        // The parser makes a symbol of any name it does not know; here every free name must be declared.
        foreach (var part in parts(result))
            foreach (var symbol in part.FreeSymbols())
                if (!table.TryGet(symbol.Name, out var declared) || !declared.Equals(symbol))
                    throw source.Error(piece.Start + FirstUse(Text(piece), symbol.Name), $"unknown name '{symbol.Name}'");
        return result;
    }

    /// <summary>Where <paramref name="name"/> first occurs as a whole name (not a call) in the text.</summary>
    static int FirstUse(string text, string name)
    {
        for (int k = 0; k < text.Length; k++)
        {
            if (!char.IsLetter(text[k]) || k > 0 && (char.IsLetterOrDigit(text[k - 1]) || text[k - 1] == '_')) continue;
            var word = StatementSplitter.LeadingWord(text, k);
            var after = k + word.Length;
            while (after < text.Length && char.IsWhiteSpace(text[after])) after++;
            if (word == name && (after >= text.Length || text[after] != '(')) return k;
            k += word.Length - 1;
        }
        return 0;
    }
}
