using System.Collections.Immutable;
using Verify.Symbolic.Core;

namespace Verify.Symbolic.Text;

/// <summary>
/// An expression laid out for reading. Canonical expressions keep one form per value (x^p*y^p,
/// never (x*y)^p); a form may group what the canonical tree splits, so that a result prints the
/// way a paper writes it: ((1 - sE)/sE)^(1/beta). Forms are only printed, never computed with;
/// the printers read each piece as they would the expression it stands for.
/// </summary>
public abstract record Form
{
    private protected Form() { }

    /// <summary>An expression printed as it stands.</summary>
    public static Form Of(Expr e) => new LeafForm(e);
}

/// <summary>An expression printed as the printers print it.</summary>
public sealed record LeafForm(Expr Expr) : Form;

/// <summary>A grouped base to a power: (x*y/z)^p.</summary>
public sealed record PowerForm(Form Base, Expr Exponent) : Form;

/// <summary>±(above)/(below): the factors side by side, the sign in front. Above is never empty.</summary>
public sealed record QuotientForm(bool Negative, ImmutableArray<Form> Above, ImmutableArray<Form> Below) : Form;

/// <summary>Terms added, each with its sign: a - b + c.</summary>
public sealed record SumForm(ImmutableArray<(bool Minus, Form Term)> Terms) : Form;

/// <summary>The logarithm of a laid-out argument.</summary>
public sealed record LogForm(Form Argument) : Form;
