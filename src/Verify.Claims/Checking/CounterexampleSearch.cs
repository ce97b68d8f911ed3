using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;
using Verify.Derivation.Evaluation;

namespace Verify.Claims.Checking;

/// <summary>What a search over the claim's domain saw.</summary>
public sealed record SearchResult(int Tested, int NumericFailures, string? FirstNumericFailure, double[]? Original, double[]? Shrunk, ulong Seed)
{
    /// <summary>The drawn values of the first point where evaluation failed numerically.</summary>
    public double[]? FirstNumericFailurePoint { get; init; }

    /// <summary>Failing points set aside because the first-principles solver could not solve them.</summary>
    public int Unconfirmable { get; init; }

    /// <summary>Why each draw set aside could not be evaluated, the first ten of them.</summary>
    public IReadOnlyList<string> NumericFailureMessages { get; init; } = [];
}

/// <summary>
/// Looks for a point of a claim's domain where a property fails, with FsCheck: the given number
/// of admissible draws from the claim's parameter space (points outside its 'where' are
/// discarded, not counted), a fixed seed, and FsCheck's shrinking toward simpler values (each
/// drawn value rounded to fewer significant digits) once a failure is found.
/// </summary>
public static class CounterexampleSearch
{
    const int MaxConfirmations = 8;
    /// <summary>The reasons kept of the draws set aside (the count is always whole).</summary>
    const int KeptFailures = 10;

    /// <param name="confirm">Called at each point where the property fails: a failure the first-principles
    /// solver cannot reach (it fails to solve there) is set aside, so the search and its shrinking end on
    /// a counterexample that can be confirmed.</param>
    public static SearchResult Run(ClaimSetting setting, Func<double[], double[], bool> holds, int draws, ulong seed,
        Func<double[], FirstPrinciples.Confirmation?>? confirm = null) =>
        Run(setting.Space.Generator, setting.Point, holds, draws, seed, confirm, setting.MaxShrinks);

    /// <summary>The same search over any generator of draws; <paramref name="point"/> gives a draw's inputs, or null outside the claim's domain.</summary>
    public static SearchResult Run(Gen<double[]> generator, Func<double[], double[]?> point, Func<double[], double[], bool> holds, int draws, ulong seed,
        Func<double[], FirstPrinciples.Confirmation?>? confirm = null, int maxShrinks = int.MaxValue)
    {
        int shrinks = 0;
        // Costly properties (paths followed to their steady state) bound the candidates tried while shrinking.
        IEnumerable<double[]> Bounded(double[] drawn) => Shrink(drawn).TakeWhile(_ => shrinks++ < maxShrinks);
        int unreachable = 0, confirmed = 0;
        int tested = 0, numeric = 0;
        string? firstNumeric = null, error = null;
        double[]? numericPoint = null;
        var numericMessages = new List<string>();
        double[]? original = null, last = null;
        Property Check(double[] drawn)
        {
            var inputs = point((double[])drawn.Clone());
            if (inputs is null) return Prop.When(false, () => true);
            bool ok;
            try { ok = holds(drawn, inputs); }
            catch (NumericFailure e)
            {
                numeric++; firstNumeric ??= e.Message; numericPoint ??= (double[])drawn.Clone();
                if (numericMessages.Count < KeptFailures) numericMessages.Add(e.Message);
                return Prop.When(false, () => true);
            }
            catch (Exception e) when (e is ArgumentException or Verify.Symbolic.Numbers.EvaluationException or Verify.Symbolic.Calculus.DifferentiationException)
            {
                // A claim that cannot be evaluated as written: stop and say why, rather than count it as a failure.
                error ??= e.Message;
                return Prop.When(false, () => true);
            }
            catch (Exception e)
            {
                // Anything else is a fault of the checker at this point. Left to FsCheck it would end the search as a
                // silent failure, with the draws so far reported as if they were all; it is said instead.
                error ??= $"the check failed at a point ({e.GetType().Name}: {e.Message})";
                return Prop.When(false, () => true);
            }
            // The raw solver is slow where it fails: only the first few failing points are tried with it;
            // those it cannot solve are set aside so that shrinking ends on one it can.
            if (!ok && confirm is not null && unreachable + confirmed < MaxConfirmations && confirm(inputs) is { } c)
            {
                if (c.SolverFailed) { unreachable++; return Prop.When(false, () => true); }
                confirmed++;
            }
            if (original is null) tested++;
            if (!ok) { original ??= (double[])drawn.Clone(); last = (double[])drawn.Clone(); }
            return Prop.When(true, () => ok);
        }
        var arbitrary = Arb.From(generator, Bounded);
        var config = Config.Quick
            .WithMaxTest(draws)
            .WithMaxRejected(draws * 20)
            .WithQuietOnSuccess(true)
            .WithRunner(new SilentRunner())
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Prop.ForAll(arbitrary, Check).Check(config);
        if (error is not null) throw new ClaimEvaluationException(error);
        return new SearchResult(tested, numeric, firstNumeric, original, last, seed) { FirstNumericFailurePoint = numericPoint, Unconfirmable = unreachable, NumericFailureMessages = numericMessages };
    }

    /// <summary>Values a person would try first; candidates outside the domain are discarded by the property.</summary>
    static readonly double[] Simple = [2, 3, 1, 0.5, 0.6, 0.75, 0.9, 4, 5, 0.25, 0.1, 10];

    /// <summary>Simpler versions of a draw: one value at a time replaced by a simple value, or rounded to 1-4 significant digits.</summary>
    static IEnumerable<double[]> Shrink(double[] drawn)
    {
        for (int i = 0; i < drawn.Length; i++)
            foreach (var v in Simple)
                if (v != drawn[i])
                {
                    var candidate = (double[])drawn.Clone();
                    candidate[i] = v;
                    yield return candidate;
                }
        for (int i = 0; i < drawn.Length; i++)
            foreach (var digits in new[] { 1, 2, 3, 4 })
            {
                var x = drawn[i];
                if (x == 0 || !double.IsFinite(x)) continue;
                var scale = Math.Pow(10, digits - 1 - (int)Math.Floor(Math.Log10(Math.Abs(x))));
                var rounded = Math.Round(x * scale) / scale;
                if (rounded == x) continue;
                var candidate = (double[])drawn.Clone();
                candidate[i] = rounded;
                yield return candidate;
            }
    }

    sealed class SilentRunner : IRunner
    {
        public void OnStartFixture(Type t) { }
        public void OnArguments(int ntest, FSharpList<object> args, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every) { }
        public void OnShrink(FSharpList<object> args, FSharpFunc<FSharpList<object>, string> everyShrink) { }
        public void OnFinished(string name, TestResult testResult) { }
    }
}

/// <summary>A claim whose expressions cannot be evaluated in its regime (an undefined name, a derivative that cannot be taken).</summary>
public sealed class ClaimEvaluationException(string message) : Exception(message);
