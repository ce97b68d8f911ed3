using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Verify.Model.Language;
using Verify.Symbolic.Core;

namespace Verify.Derivation.Tests;

/// <summary>
/// An admissible parameter point of the bundled model: fI is the share u of its upper bound
/// f/(beta - 1), so (beta - 1)*fI &lt; f holds by construction.
/// </summary>
sealed record CrossCheckPoint(double Sigma, double Rho, double SE, double Phi, double F, double U)
{
    public double Beta => Rho / (Sigma - 1);
    public double FI => U * F / (Beta - 1);

    /// <summary>sigma in (1.1, 8), rho in (sigma - 1 + 0.05, sigma + 8), sE in (0.5, 0.98), phi in (0.02, 0.98), f in (0.2, 5), u in (0.05, 0.95).</summary>
    public static readonly Gen<CrossCheckPoint> Generator =
        from sigma in CrossCheckRunner.Open(1.1, 8)
        from rhoShare in CrossCheckRunner.Open(0, 1)
        from sE in CrossCheckRunner.Open(0.5, 0.98)
        from phi in CrossCheckRunner.Open(0.02, 0.98)
        from f in CrossCheckRunner.Open(0.2, 5)
        from u in CrossCheckRunner.Open(0.05, 0.95)
        select new CrossCheckPoint(sigma, sigma - 1 + 0.05 + rhoShare * 8.95, sE, phi, f, u);

    /// <summary>The model's parameters by name.</summary>
    public Dictionary<string, double> ByName() => new()
    {
        ["sigma"] = Sigma, ["rho"] = Rho, ["sE"] = SE, ["phi"] = Phi, ["f"] = F, ["fI"] = FI,
    };

    /// <summary>The model's parameters by symbol, for the first-principles solver.</summary>
    public Dictionary<Symbol, double> For(ModelDocument model)
    {
        var byName = ByName();
        return model.Parameters.ToDictionary(p => p.Symbol, p => byName[p.Symbol.Name]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"sigma = {Sigma:R}, rho = {Rho:R}, sE = {SE:R}, phi = {Phi:R}, f = {F:R}, fI = {FI:R} (u = {U:R})");
}
