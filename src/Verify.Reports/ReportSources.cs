using Verify.Claims;
using Verify.Model.Claims;
using Verify.Model.Language;

namespace Verify.Reports;

/// <summary>What a report or a comparison works on: a model, the claims about it, and the pinned verdicts (if any).</summary>
public sealed record ReportSources(ModelDocument Model, ClaimDocument Claims, ExpectedVerdicts? Expected)
{
    /// <summary>The bundled model with its bundled claims and pinned verdicts (none when none are bundled).</summary>
    public static ReportSources Bundled(string name = "baldwin-okubo-2014") =>
        new(ModelLoader.LoadBundled(name), ClaimsLoader.LoadBundled(name), BundledExpected(name));

    static ExpectedVerdicts? BundledExpected(string name)
    {
        try { return ExpectedVerdicts.LoadBundled(name); }
        catch (FileNotFoundException) { return null; }
    }
}
