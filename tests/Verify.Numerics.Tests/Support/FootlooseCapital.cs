using Verify.Symbolic.Core;
using static Verify.Symbolic.Core.Expr;

namespace Verify.Numerics.Tests.Support;

/// <summary>
/// The raw equilibrium conditions of the footloose-capital model with Pareto-distributed costs,
/// built by hand from integrals (no closed form), and the solutions derived by hand for checking.
/// </summary>
public static class FootlooseCapital
{
    public static readonly Symbol Sigma = Sym("sigma", SymbolSign.Positive);
    public static readonly Symbol Rho = Sym("rho", SymbolSign.Positive);
    public static readonly Symbol SE = Sym("sE", SymbolSign.Positive);
    public static readonly Symbol Phi = Sym("phi", SymbolSign.NonNegative);
    public static readonly Symbol F = Sym("f", SymbolSign.Positive);
    public static readonly Symbol FI = Sym("fI", SymbolSign.Positive);
    public static readonly Symbol A = Sym("a", SymbolSign.Positive);

    public static readonly Symbol AD = Sym("aD", SymbolSign.Positive);
    public static readonly Symbol ADstar = Sym("aDstar", SymbolSign.Positive);
    public static readonly Symbol AX = Sym("aX", SymbolSign.Positive);
    public static readonly Symbol AXstar = Sym("aXstar", SymbolSign.Positive);
    public static readonly Symbol B = Sym("B", SymbolSign.Positive);
    public static readonly Symbol Bstar = Sym("Bstar", SymbolSign.Positive);
    public static readonly Symbol N = Sym("n", SymbolSign.Positive);
    public static readonly Symbol Nw = Sym("nw", SymbolSign.Positive);
    public static readonly Symbol Sn = Sym("sn", SymbolSign.NonNegative);

    /// <summary>The Pareto density rho*a^(rho - 1) of a firm's unit input a on [0, 1].</summary>
    static Expr G => Rho * Pow(A, Rho - 1);

    /// <summary>Market weight of costs in [lo, hi]: ∫ a^(1-sigma) dG(a).</summary>
    public static Expr C(Expr lo, Expr hi) => Integral(Pow(A, 1 - Sigma) * G, A, lo, hi);

    /// <summary>Expected operating profit net of beachhead costs: local sales up to cD plus exports up to cX.</summary>
    public static Expr E(Expr cD, Expr cX, Expr home, Expr export) =>
        Integral((Pow(A, 1 - Sigma) * home - F) * G, A, 0, cD) + Integral((Phi * Pow(A, 1 - Sigma) * export - F) * G, A, 0, cX);

    /// <summary>One nation on its own: cut-off, demand, free entry.</summary>
    public static RawSystem Autarky(Parameters p) => new(
        [
            new(Pow(AD, 1 - Sigma) * B, F, "cutoff"),
            new(B, SE / (N * C(0, AD) / Pow(AD, Rho)), "demand"),
            new(Integral((Pow(A, 1 - Sigma) * B - F) * G, A, 0, AD), FI, "free-entry"),
        ],
        [RawUnknown.Between(AD, 0, 1), RawUnknown.Positive(N), RawUnknown.Positive(B)],
        p.Known);

    /// <summary>Two nations trading, with instantaneous entry and exit (eight unknowns).</summary>
    public static RawSystem Entry(Parameters p) => new(
        [
            new(Pow(AD, 1 - Sigma) * B, F, "cutoff-D-north"),
            new(Pow(ADstar, 1 - Sigma) * Bstar, F, "cutoff-D-south"),
            new(Pow(AX, 1 - Sigma) * Phi * Bstar, F, "cutoff-X-north"),
            new(Pow(AXstar, 1 - Sigma) * Phi * B, F, "cutoff-X-south"),
            new(B, SE / (Nw * (Sn * C(0, AD) / Pow(AD, Rho) + Phi * (1 - Sn) * C(0, AXstar) / Pow(ADstar, Rho))), "demand-north"),
            new(Bstar, (1 - SE) / (Nw * ((1 - Sn) * C(0, ADstar) / Pow(ADstar, Rho) + Phi * Sn * C(0, AX) / Pow(AD, Rho))), "demand-south"),
            new(E(AD, AX, B, Bstar), FI, "free-entry-north"),
            new(E(ADstar, AXstar, Bstar, B), FI, "free-entry-south"),
        ],
        [
            RawUnknown.Between(AD, 0, 1), RawUnknown.Between(ADstar, 0, 1),
            RawUnknown.Between(AX, 0, 1), RawUnknown.Between(AXstar, 0, 1),
            RawUnknown.Positive(B), RawUnknown.Positive(Bstar), RawUnknown.Positive(Nw),
            RawUnknown.Between(Sn, 0, 1, lowerStrict: false, upperStrict: false),
        ],
        p.Known);

    /// <summary>A parameter point; <see cref="FI"/> comes from a share u of its upper limit f/(beta - 1).</summary>
    public sealed record Parameters(double Sigma, double Rho, double SE, double F, double U, double Phi = 0)
    {
        public double Beta => Rho / (Sigma - 1);
        public double Alpha => Rho + 1 - Sigma;
        public double FI => U * F / (Beta - 1);
        public double PhiBeta => Math.Pow(Phi, Beta);

        public IReadOnlyDictionary<Symbol, double> Known => new Dictionary<Symbol, double>
        {
            [FootlooseCapital.Sigma] = Sigma, [FootlooseCapital.Rho] = Rho, [FootlooseCapital.SE] = SE,
            [FootlooseCapital.F] = F, [FootlooseCapital.FI] = FI, [FootlooseCapital.Phi] = Phi,
        };

        /// <summary>By hand: aD = ((beta-1) fI/f)^(1/rho), B = f aD^(sigma-1), n = sE alpha/(rho f).</summary>
        public IReadOnlyDictionary<Symbol, double> AutarkySolution()
        {
            var aD = Math.Pow((Beta - 1) * FI / F, 1 / Rho);
            return new Dictionary<Symbol, double>
            {
                [AD] = aD, [B] = F * Math.Pow(aD, Sigma - 1), [N] = SE * Alpha / (Rho * F),
            };
        }

        /// <summary>By hand, symmetric cut-offs: aD^rho = (beta-1) fI/(f (1 + phi^beta)); sn from the two demands.</summary>
        public IReadOnlyDictionary<Symbol, double> EntrySolution()
        {
            var aD = Math.Pow((Beta - 1) * FI / (F * (1 + PhiBeta)), 1 / Rho);
            var aX = Math.Pow(Phi, 1 / (Sigma - 1)) * aD;
            var b = F * Math.Pow(aD, Sigma - 1);
            return new Dictionary<Symbol, double>
            {
                [AD] = aD, [ADstar] = aD, [AX] = aX, [AXstar] = aX, [B] = b, [Bstar] = b,
                [Nw] = Alpha / (Rho * F * (1 + PhiBeta)),
                [Sn] = (SE * (1 + PhiBeta) - PhiBeta) / (1 - PhiBeta),
            };
        }
    }
}
