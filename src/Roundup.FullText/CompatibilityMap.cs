using System.Text;

namespace Roundup.FullText;

/// <summary>
/// The part of NFKC that papers need, for runtimes without normalisation data: ligatures and compatibility
/// characters decomposed, and a Latin letter followed by a combining accent composed.
/// </summary>
internal static class CompatibilityMap
{
    private static readonly Dictionary<char, string> Compatibility = new()
    {
        ['\uFB00'] = "ff", ['\uFB01'] = "fi", ['\uFB02'] = "fl", ['\uFB03'] = "ffi", ['\uFB04'] = "ffl", ['\uFB05'] = "st", ['\uFB06'] = "st",
        ['\u2026'] = "...", ['\u00A0'] = " ", ['\u2002'] = " ", ['\u2003'] = " ", ['\u2009'] = " ", ['\u202F'] = " ", ['\u2024'] = ".",
        ['\u00B5'] = "\u03BC", ['\u2122'] = "TM", ['\u00BD'] = "1\u20442", ['\u0132'] = "IJ", ['\u0133'] = "ij",
        ['\u2160'] = "I", ['\u2161'] = "II", ['\u2162'] = "III", ['\uFF08'] = "(", ['\uFF09'] = ")", ['\uFF0C'] = ",", ['\uFF1A'] = ":",
    };

    private static readonly Dictionary<(char, char), char> Composed = Build();

    public static string Apply(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (Compatibility.TryGetValue(c, out var replacement))
            {
                sb.Append(replacement);
            }
            else if (sb.Length > 0 && c is >= '\u0300' and <= '\u036F' && Composed.TryGetValue((sb[^1], c), out var composed))
            {
                sb[^1] = composed;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static Dictionary<(char, char), char> Build()
    {
        (char Mark, string Bases, string Results)[] table =
        [
            ('\u0301', "aeiouyAEIOUYcnszCNSZ", "áéíóúýÁÉÍÓÚÝćńśźĆŃŚŹ"),
            ('\u0300', "aeiouAEIOU", "àèìòùÀÈÌÒÙ"),
            ('\u0302', "aeiouAEIOU", "âêîôûÂÊÎÔÛ"),
            ('\u0308', "aeiouyAEIOU", "äëïöüÿÄËÏÖÜ"),
            ('\u0303', "anoANO", "ãñõÃÑÕ"),
            ('\u0327', "cCsS", "çÇşŞ"),
            ('\u030C', "cszrenCSZREN", "čšžřěňČŠŽŘĚŇ"),
            ('\u030A', "aAu", "åÅů"),
            ('\u0304', "aeiouAEIOU", "āēīōūĀĒĪŌŪ"),
            ('\u0306', "agAG", "ăğĂĞ"),
            ('\u030B', "oOuU", "őŐűŰ"),
            ('\u0328', "aeAE", "ąęĄĘ"),
            ('\u0307', "zZ", "żŻ"),
        ];
        var result = new Dictionary<(char, char), char>();
        foreach (var (mark, bases, results) in table)
        {
            for (var i = 0; i < bases.Length; i++)
            {
                result[(bases[i], mark)] = results[i];
            }
        }

        return result;
    }
}
