using Verify.Symbolic.Core;

namespace Verify.Symbolic.Text;

enum TokenKind
{
    Number, Identifier,
    Plus, Minus, Star, Slash, Caret,
    OpenParen, CloseParen, OpenBracket, CloseBracket, Comma, Prime,
    Less, LessOrEqual, Greater, GreaterOrEqual, Equal, NotEqual,
    End,
}

/// <summary>One lexical unit; <see cref="Value"/> is set for numbers only.</summary>
readonly record struct Token(TokenKind Kind, string Text, TextPosition At, Rational Value = default)
{
    /// <summary>How an error message names this token.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of input",
        TokenKind.Prime => "\"'\"",
        _ => $"'{Text}'",
    };

    public bool StartsOperand => Kind is TokenKind.Number or TokenKind.Identifier or TokenKind.OpenParen;

    public RelationOperator? Relation => Kind switch
    {
        TokenKind.Less => RelationOperator.Less,
        TokenKind.LessOrEqual => RelationOperator.LessOrEqual,
        TokenKind.Greater => RelationOperator.Greater,
        TokenKind.GreaterOrEqual => RelationOperator.GreaterOrEqual,
        TokenKind.Equal => RelationOperator.Equal,
        TokenKind.NotEqual => RelationOperator.NotEqual,
        _ => null,
    };
}
