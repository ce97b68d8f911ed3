using System.Text;

namespace Verify.Fuzz.Tests.Support;

/// <summary>The valid inputs the fuzz cases start from: every model, claims and pinned-verdicts file the repository has, and the docs' examples.</summary>
public static class Seeds
{
    public static readonly IReadOnlyList<byte[]> Models =
    [
        Read("src", "Models", "baldwin-okubo-2014.model"),
        Read("src", "Models", "variants", "separate-beachhead-costs.model"),
        Block("model-language.md", "model"),
        Encoding.UTF8.GetBytes(Tiny),
    ];

    public static readonly IReadOnlyList<byte[]> Claims =
    [
        Read("src", "Models", "baldwin-okubo-2014.claims"),
        Block("claims-language.md", "claims"),
    ];

    public static readonly IReadOnlyList<byte[]> Expected = [Read("src", "Models", "baldwin-okubo-2014.expected")];

    /// <summary>A one-regime model with a phase, a threshold and a hint: small, so its damage is dense.</summary>
    const string Tiny = """
        model tiny
        title "tiny"
        parameter p : p > 0   latex "p"  "price"
        parameter c : 0 < c < 1   "unit cost"
        derived m = p - c : m > -1
        constraint c < p + 1
        variable a : 0 < a <= 1
        density g(a) = 2*a
        function C(lo, hi) = integral(a^(1 - p)*g(a), a, lo, hi)
        regime market "a one-line market"
          unknown q : q > 0       "quantity sold"
          condition supply : q*c = p
          quantity revenue = p*q + C(0, 1)  "revenue"
          threshold pT : q = 1 for p in low
          phase low when q < 1 "small"
          phase high
            fix q = 2
            drop supply
            condition demand : q = 2*p
            hint solve demand for p
          end
        end
        regime later
          carry q from market
          unknown r : r > 0
          condition rr : r = q^2
          hint solve rr for r
        end
        """;

    static byte[] Read(params string[] parts) => File.ReadAllBytes(Repository.File(parts));

    /// <summary>The first ```LANGUAGE block of a page in docs/.</summary>
    static byte[] Block(string page, string language)
    {
        var text = File.ReadAllText(Repository.File("docs", page)).Replace("\r\n", "\n");
        var start = text.IndexOf($"```{language}\n", StringComparison.Ordinal);
        if (start < 0) throw new InvalidOperationException($"docs/{page} has no {language} block");
        start += language.Length + 4;
        return Encoding.UTF8.GetBytes(text[start..text.IndexOf("```", start, StringComparison.Ordinal)]);
    }
}
