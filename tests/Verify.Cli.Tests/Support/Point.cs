using System.Globalization;

namespace Verify.Cli.Tests.Support;

/// <summary>Parameter points of the bundled model written as --at values.</summary>
public static class Point
{
    /// <summary>phi = 0.5 lies below phiP = 1/sE - 1 = 2/3: the XX phase of the relocation regimes.</summary>
    public const string Interior = "sigma=3,rho=4,sE=0.6,phi=0.5,f=1,fI=0.5";

    public static string At(double sigma, double rho, double sE, double phi, double f = 1, double fI = 0.5) =>
        string.Create(CultureInfo.InvariantCulture, $"sigma={sigma:R},rho={rho:R},sE={sE:R},phi={phi:R},f={f:R},fI={fI:R}");
}
