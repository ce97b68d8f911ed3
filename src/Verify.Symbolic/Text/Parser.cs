using System.Globalization;
using System.Numerics;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Text;

/// <summary>
/// Reads plain math text into canonical expressions and relations.
/// <code>
/// relations  := chain (',' chain)*               chain := expr (relop expr)+
/// expr       := term (('+' | '-') term)*          relop := &lt; &lt;= &gt; &gt;= = != ≤ ≥ ≠
/// term       := unary (('*' | '/') unary)*
/// unary      := '-' unary | power                 so -x^2 = -(x^2)
/// power      := primary ['^' unary]               right-associative; 2^-1 allowed
/// primary    := number | name | call | '(' expr ')'
/// call       := name ["'" '[' index (',' index)* ']'] '(' [expr (',' expr)*] ')'
/// </code>
/// Numbers (12, 0.25, 1e-3) are exact rationals. A call written f'[0,1](x, y) is f
/// differentiated by its arguments 0 and 1 (0-based positions), as <see cref="PlainPrinter"/>
/// prints it. There is no implicit multiplication: "2x" asks for '*'.
/// </summary>
public static class Parser
{
    public static Expr Parse(string text, ParseContext? context = null)
    {
        var reader = new Reader(text, context);
        var e = reader.Expression();
        reader.Finish("end of input");
        return reader.Bounded(e);
    }

    /// <summary>A comma-separated list of relations; a chain a &lt; b &lt;= c gives one relation per link.</summary>
    public static IReadOnlyList<Relation> ParseRelations(string text, ParseContext? context = null)
    {
        var reader = new Reader(text, context);
        var relations = new List<Relation>();
        do relations.AddRange(reader.Chain());
        while (reader.Accept(TokenKind.Comma));
        reader.Finish("',' or end of input");
        foreach (var r in relations) { reader.Bounded(r.Left); reader.Bounded(r.Right); }
        return relations;
    }

    /// <summary>Exactly one relation, such as "rho &gt; sigma - 1" or an equation "lhs = rhs".</summary>
    public static Relation ParseRelation(string text, ParseContext? context = null)
    {
        var reader = new Reader(text, context);
        var left = reader.Expression();
        var op = reader.RelationOperator();
        var relation = new Relation(left, op, reader.Expression());
        reader.Finish("end of input (one relation only)");
        reader.Bounded(relation.Left); reader.Bounded(relation.Right);
        return relation;
    }

    sealed class Reader
    {
        // Deep enough for any formula a person writes; shallow enough that the recursion cannot overflow the stack.
        const int MaxNesting = 200;
        // Partial indices are argument positions; anything larger is a typo, and must not overflow an int.
        const int MaxArgumentPosition = 10_000;
        // Exact powers of numbers are computed at construction; a bigger result is a typo that would exhaust memory.
        const int MaxPowerDigits = 100_000;

        readonly Lexer _lexer;
        readonly ParseContext _context;
        Token _current;
        int _nesting;
        // Strict mode: names not in the table, in order. They are reported at the end, once it is
        // known which of them are integration variables (bound, so they need no declaration).
        readonly List<Token> _undeclared = [];

        public Reader(string text, ParseContext? context)
        {
            ArgumentNullException.ThrowIfNull(text);
            _context = context ?? ParseContext.Default;
            _lexer = new Lexer(text, _context.Origin);
            _current = _lexer.Next();
        }

        // ---- token helpers ----

        Token Advance() { var t = _current; _current = _lexer.Next(); return t; }

        public bool Accept(TokenKind kind)
        {
            if (_current.Kind != kind) return false;
            Advance();
            return true;
        }

        Token Expect(TokenKind kind, string expected) =>
            _current.Kind == kind ? Advance() : throw Unexpected(expected);

        ParseException Unexpected(string expected) => new(_current.At, expected, _current.Describe());

        /// <summary>Checks that the text is used up (else "expected <paramref name="expected"/>"), then that every name was declared.</summary>
        public void Finish(string expected)
        {
            if (_current.Kind != TokenKind.End) throw Unexpected(expected);
            if (_undeclared.Count > 0)
            {
                var name = _undeclared[0];
                throw new ParseException(name.At, "a declared symbol", name.Describe(), $"unknown symbol '{name.Text}'");
            }
        }

        /// <summary>
        /// The canonical rules share sub-trees ((a*b)^e = a^e*b^e), so short text can stand for a
        /// huge tree ((a*b*c)^(a*b*c)^...): refused here, before anything walks it.
        /// </summary>
        public Expr Bounded(Expr e) =>
            e.Size <= WorkLimit.MaxSize ? e
                : throw new ParseException(_context.Origin, $"an expression of at most {WorkLimit.MaxSize:N0} nodes once written out", "a larger one",
                    $"expression too large: it grows to more than {WorkLimit.MaxSize:N0} nodes once its shared parts are written out");

        // ---- relations ----

        public RelationOperator RelationOperator()
        {
            var op = _current.Relation ?? throw Unexpected("a relation operator (<, <=, >, >=, =, !=)");
            Advance();
            return op;
        }

        public List<Relation> Chain()
        {
            var left = Expression();
            var links = new List<Relation>();
            do
            {
                var op = RelationOperator();
                var right = Expression();
                links.Add(new Relation(left, op, right));
                left = right;
            } while (_current.Relation is not null);
            return links;
        }

        // ---- expressions ----

        public Expr Expression()
        {
            var terms = new List<Expr> { Term() };
            while (_current.Kind is TokenKind.Plus or TokenKind.Minus)
            {
                var minus = Advance().Kind == TokenKind.Minus;
                var t = Term();
                terms.Add(minus ? Expr.Neg(t) : t);
            }
            return terms.Count == 1 ? terms[0] : Expr.Add(terms);
        }

        Expr Term()
        {
            // All factors go to one Mul, so a*b/c is built the way PlainPrinter predicts.
            var factors = new List<Expr> { Factor() };
            while (_current.Kind is TokenKind.Star or TokenKind.Slash)
            {
                var divide = Advance().Kind == TokenKind.Slash;
                var f = Factor();
                factors.Add(divide ? Expr.Pow(f, Expr.MinusOne) : f);
            }
            return factors.Count == 1 ? factors[0] : Expr.Mul(factors);
        }

        Expr Factor()
        {
            var f = Unary();
            // Two operands side by side ("2x", "x y", "(a)(b)") would be an implicit product: ask for the '*'.
            if (_current.StartsOperand) throw Unexpected("'*'");
            return f;
        }

        Expr Unary()
        {
            if (++_nesting > MaxNesting)
                throw new ParseException(_current.At, $"at most {MaxNesting} levels of nesting", _current.Describe(),
                    $"expression nested too deeply (more than {MaxNesting} levels)");
            try
            {
                if (Accept(TokenKind.Minus)) return Expr.Neg(Unary());
                var b = Primary();
                if (_current.Kind != TokenKind.Caret) return b;
                var caret = Advance();
                var exponent = Unary();
                CheckPowerSize(b, exponent, caret);
                return Expr.Pow(b, exponent);
            }
            finally { _nesting--; }
        }

        static void CheckPowerSize(Expr b, Expr exponent, Token caret)
        {
            if (b is not Number { Value: var r } || exponent is not Number { Value: var k }) return;
            var bits = (double)Math.Max(BigInteger.Abs(r.Numerator).GetBitLength() - 1, r.Denominator.GetBitLength() - 1);
            var digits = bits * Math.Log10(2) * Math.Abs((double)k.Numerator) / (double)k.Denominator;
            if (digits > MaxPowerDigits)
                throw new ParseException(caret.At, $"a power of at most {MaxPowerDigits} digits", $"one of about {digits:F0} digits");
        }

        Expr Primary()
        {
            switch (_current.Kind)
            {
                case TokenKind.Number:
                    return Expr.Num(Advance().Value);
                case TokenKind.OpenParen:
                    Advance();
                    var inner = Expression();
                    Expect(TokenKind.CloseParen, "')'");
                    return inner;
                case TokenKind.Identifier:
                    var name = Advance();
                    return _current.Kind is TokenKind.OpenParen or TokenKind.Prime ? Call(name) : Name(name);
                default:
                    throw Unexpected("an expression");
            }
        }

        Expr Name(Token name)
        {
            if (_context.Symbols.TryGet(name.Text, out var symbol)) return symbol;
            if (BuiltInFunctions.TryGetArity(name.Text, _context, out _))
                throw Unexpected($"'(' after function '{name.Text}'");
            if (_context.UnknownSymbols == UnknownSymbolPolicy.Fail) _undeclared.Add(name);
            return Expr.Sym(name.Text);
        }

        Expr Call(Token name)
        {
            if (!BuiltInFunctions.TryGetArity(name.Text, _context, out var arity))
            {
                // A known symbol before '(' reads as a missing '*'; any other name as an undeclared function.
                if (_context.Symbols.Contains(name.Text) && _current.Kind == TokenKind.OpenParen) throw Unexpected("'*'");
                throw new ParseException(name.At, "a built-in or declared function", name.Describe(), $"unknown function '{name.Text}'");
            }
            var partials = _current.Kind == TokenKind.Prime ? Partials(name) : [];
            Expect(TokenKind.OpenParen, $"'(' after function '{name.Text}'");
            var args = new List<BuiltInFunctions.Argument>();
            var undeclaredBefore = _undeclared.Count;
            var undeclaredAfterVariable = -1;
            if (_current.Kind != TokenKind.CloseParen)
            {
                do
                {
                    var at = _current.At;
                    args.Add(new BuiltInFunctions.Argument(Expression(), at));
                    if (args.Count == 2) undeclaredAfterVariable = _undeclared.Count;
                } while (Accept(TokenKind.Comma));
            }
            Expect(TokenKind.CloseParen, args.Count == 0 ? "')'" : "',' or ')'");
            if (!arity.Allows(args.Count))
                throw new ParseException(name.At, $"{arity.Describe()} to '{name.Text}'", args.Count.ToString(CultureInfo.InvariantCulture),
                    $"'{name.Text}' takes {arity.Describe()} but was given {args.Count}");
            foreach (var index in partials)
                if (index.Value >= args.Count)
                    throw new ParseException(index.At,
                        args.Count == 0 ? "no partials on a call without arguments" : $"an argument position from 0 to {args.Count - 1}",
                        index.Describe());
            if (name.Text == "integral" && args[1].Value is Symbol bound)
            {
                // The variable is bound in the body: its undeclared uses there (and as the variable) are fine.
                var span = _undeclared.GetRange(undeclaredBefore, undeclaredAfterVariable - undeclaredBefore);
                span.RemoveAll(t => t.Text == bound.Name);
                _undeclared.RemoveRange(undeclaredBefore, undeclaredAfterVariable - undeclaredBefore);
                _undeclared.InsertRange(undeclaredBefore, span);
            }
            return BuiltInFunctions.Apply(name, args, partials.Select(p => (int)p.Value.Numerator).ToList(), _context);
        }

        /// <summary>The "'[i, j]" after a function name: the 0-based argument positions it is differentiated by.</summary>
        List<Token> Partials(Token name)
        {
            var prime = Advance();
            if (BuiltInFunctions.IsBuiltIn(name.Text) && !BuiltInFunctions.StaysCall(name.Text))
                throw new ParseException(prime.At, $"'(' after function '{name.Text}'", prime.Describe(),
                    $"'{name.Text}' cannot carry partials: only declared functions and abs, max, min can");
            Expect(TokenKind.OpenBracket, "'[' after \"'\"");
            var indices = new List<Token>();
            do
            {
                if (_current.Kind != TokenKind.Number || !_current.Value.IsInteger || _current.Value > MaxArgumentPosition)
                    throw Unexpected("an argument position (0, 1, ...)");
                indices.Add(Advance());
            } while (Accept(TokenKind.Comma));
            Expect(TokenKind.CloseBracket, "',' or ']'");
            return indices;
        }
    }
}
