using Verify.Symbolic.Core;
using Verify.Symbolic.Text;

namespace Verify.Model.Language;

/// <summary>The LaTeX names a model gives its symbols (s_E, \bar{a}^*, ...), for every printer of its expressions.</summary>
public static class ModelLatexNames
{
    public static LatexNames Of(ModelDocument model)
    {
        var names = LatexNames.Default;
        void Add(Symbol s, string? latex) { if (!string.IsNullOrWhiteSpace(latex)) names = names.WithSymbol(s.Name, latex); }
        foreach (var p in model.Parameters) Add(p.Symbol, p.Latex);
        foreach (var d in model.Derived) Add(d.Symbol, d.Latex);
        if (model.Variable is { } v) Add(v.Symbol, v.Latex);
        foreach (var r in model.Regimes)
        {
            foreach (var u in r.Unknowns) Add(u.Symbol, u.Latex);
            foreach (var q in r.Quantities.Concat(r.Phases.SelectMany(p => p.Quantities))) Add(q.Symbol, q.Latex);
            foreach (var t in r.Thresholds) Add(t.Symbol, t.Latex);
        }
        return names;
    }
}
