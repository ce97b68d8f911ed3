using NUnit.Framework;
using Verify.Derivation;
using Verify.Model.Language;

namespace Verify.Derivation.Tests;

public class DumpTests
{
    [Test, Explicit]
    public void Dump()
    {
        var model = ModelLoader.LoadBundled();
        var d = ModelDeriver.Derive(model);
        foreach (var r in d.Regimes)
        {
            foreach (var p in r.Phases)
            {
                TestContext.Out.WriteLine($"==== {p.Key}");
                foreach (var s in p.Steps) TestContext.Out.WriteLine("  " + s.ToString().Replace("\n", "\n  "));
                foreach (var v in p.Values.Values) TestContext.Out.WriteLine("  * " + v);
                foreach (var c in p.Checks) TestContext.Out.WriteLine("  check " + c);
            }
            foreach (var t in r.Thresholds) { TestContext.Out.WriteLine($"  threshold {t.Threshold.Symbol.Name} = {t.Value} {t.Failure}"); foreach (var s in t.Steps) TestContext.Out.WriteLine("    " + s.ToString().Replace("\n", "\n    ")); }
        }
    }
}
