using System.Text;
using FsCheck.Fluent;
using NUnit.Framework;
using Verify.Cli.Tests.Support;
using Verify.Fuzz.Tests.Support;

namespace Verify.Fuzz.Tests;

/// <summary>
/// Damaged expressions and --at points given to the command line (in-process): each run succeeds
/// (with --json, valid JSON) or ends with the one-line "error: ..." and exit 2; never an internal
/// error (exit 3), never a hang.
/// </summary>
public class CommandLineFuzzTests
{
    static readonly Mutator Damage = new([]);

    static string Damaged(string seed, FuzzCase c) => FileText.Decode(Damage.Apply(Encoding.UTF8.GetBytes(seed), c.Mutations));

    static string Run(params string[] args) => Expect.CliOutcome(CommandLine.Run(args), args.Contains("--json"), Show(args));

    static string Show(string[] args) => FileText.Show(string.Join(" ", args.Select(a => $"'{a}'")));

    [Test]
    public void Damaged_expressions_simplify_or_fail_in_one_line() =>
        Fuzzing.Run(FuzzCase.Over(ExpressionSeeds.Plain.Count), c =>
            Run("simplify", Damaged(ExpressionSeeds.Plain[c.Seed], c), "--json"), seed: 1, count: 1200);

    [Test]
    public void Damaged_expressions_evaluate_or_fail_in_one_line() =>
        Fuzzing.Run(FuzzCase.Over(ExpressionSeeds.Plain.Count), c =>
            Run("eval", Damaged(ExpressionSeeds.Plain[c.Seed], c), "--at", ExpressionSeeds.PlainPoint, "--json"), seed: 2, count: 1200);

    [Test]
    public void Damaged_expressions_over_a_regime_evaluate_or_fail_in_one_line()
    {
        string[] Args(FuzzCase c) => ["eval", Damaged(ExpressionSeeds.Model[c.Seed], c), "--regime", ExpressionSeeds.Regimes[c.Seed % ExpressionSeeds.Regimes.Count],
            "--at", ExpressionSeeds.ModelPoint, "--json"];
        Fuzzing.Run(FuzzCase.Over(ExpressionSeeds.Model.Count), c => Run(Args(c)), seed: 3, count: 600, show: c => Show(Args(c)));
    }

    [Test]
    public void Damaged_points_evaluate_or_fail_in_one_line() =>
        Fuzzing.Run(FuzzCase.Over(2), c => c.Seed == 0
            ? Run("eval", "aD + Wstar", "--regime", "relocation-entry", "--at", Damaged(ExpressionSeeds.ModelPoint, c), "--json")
            : Run("eval", "x*y + a", "--at", Damaged(ExpressionSeeds.PlainPoint, c), "--json"), seed: 4, count: 500);
}
