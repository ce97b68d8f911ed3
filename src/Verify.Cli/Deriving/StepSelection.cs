using System.Text.RegularExpressions;
using Verify.Derivation.Steps;
using Verify.Symbolic.Core;

namespace Verify.Cli.Deriving;

/// <summary>
/// Which steps of a phase concern a name. A step defines the name when its result has the name
/// (or a power of it) on the left, or its rule opens with the name ("aX has no closed form").
/// A step mentions the name when its equations or its rule contain it as a symbol (not merely
/// the implicit function that later stands for it, which every quantity built on it contains).
/// 'verify derive' shows the steps that mention the name, marking those that define it.
/// </summary>
static partial class StepSelection
{
    public static bool Defines(DerivationStep step, string name) => Gives(step, name) || RuleOpensWith(step.Rule, name);

    /// <summary>The step's result has the name, or a power of it, on its left.</summary>
    public static bool Gives(DerivationStep step, string name) =>
        step.After?.Left is Symbol s && s.Name == name
        || step.After?.Left is Power { Base: Symbol b } && b.Name == name;

    public static bool Mentions(DerivationStep step, string name) =>
        Defines(step, name) || Mentions(step.Before, name) || Mentions(step.After, name) || Word(name).IsMatch(step.Rule);

    static bool Mentions(Relation? r, string name) =>
        r is not null && (Mentions(r.Left, name) || Mentions(r.Right, name));

    static bool Mentions(Expr e, string name) => e.Any(n => n is Symbol s && s.Name == name);

    static bool RuleOpensWith(string rule, string name) =>
        rule.StartsWith(name, StringComparison.Ordinal) && (rule.Length == name.Length || !IsNameChar(rule[name.Length]));

    static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>The name as a whole word (aX, but not inside aXstar or aX_relocation_DD).</summary>
    static Regex Word(string name) => new($@"(?<![A-Za-z0-9_]){Regex.Escape(name)}(?![A-Za-z0-9_])", RegexOptions.CultureInvariant);
}
