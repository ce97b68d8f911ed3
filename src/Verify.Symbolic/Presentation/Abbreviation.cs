using Verify.Symbolic.Core;

namespace Verify.Symbolic.Presentation;

/// <summary>A name a model gives to an expression of its parameters, such as beta = rho/(sigma - 1), to be written back where it shortens a form.</summary>
public sealed record Abbreviation(Symbol Name, Expr Definition);
