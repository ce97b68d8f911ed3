using Verify.Symbolic.Core;
using Verify.Symbolic.Text;

namespace Verify.Symbolic.Presentation;

/// <summary>
/// Forms a <see cref="Presenter"/> chose before, kept beyond its own life (a file beside the stored derivations):
/// choosing a form simplifies every candidate, reading one back costs nothing. The memory answers only for the same
/// model and engine that chose the form; it must be safe for several threads at once.
/// </summary>
public interface IPresentationMemory
{
    Form? Recall(Expr e);
    void Remember(Expr e, Form form);
}
