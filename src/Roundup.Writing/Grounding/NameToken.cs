namespace Roundup.Writing.Grounding;

/// <summary>
/// A run of letters or of digits (with a decimal point inside: 3.1) in a name. <paramref name="SepBefore"/> says
/// something separated it from the previous token (a space, a hyphen: CIFAR-10, not CIFAR10); <paramref name="HardBefore"/>
/// says that something was punctuation a name does not run across (a comma, a full stop, a bracket).
/// </summary>
internal readonly record struct NameToken(string Text, bool SepBefore, bool HardBefore)
{
    public bool IsDigits => Text.Length > 0 && char.IsDigit(Text[0]);

    /// <summary>
    /// Case and a plural "s" are ignored, except that an all-capitals word (MMLU, MATH, ARC) must be in capitals where it is found:
    /// the benchmark MATH is not grounded by the word "math".
    /// </summary>
    public bool Matches(NameToken found) =>
        string.Equals(Key, found.Key, StringComparison.OrdinalIgnoreCase) && (!IsCapitals(Key) || IsCapitals(found.Key));

    /// <summary>The text without a plural "s", so GANs matches GAN and "Neural Network" matches "neural networks".</summary>
    public string Key => Text.Length > 2 && Text[^1] == 's' && char.IsLetter(Text[^2]) ? Text[..^1] : Text;

    /// <summary>Splits text into tokens; "Llama-3.1-8B" gives Llama, 3.1, 8, B.</summary>
    public static List<NameToken> Tokenize(string text)
    {
        var tokens = new List<NameToken>();
        var sep = true;
        var hard = true;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetter(c) || char.IsDigit(c))
            {
                var start = i;
                var letters = char.IsLetter(c);
                i++;
                while (i < text.Length && (letters
                    ? char.IsLetter(text[i])
                    : char.IsDigit(text[i]) || (text[i] == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1]))))
                {
                    i++;
                }

                tokens.Add(new NameToken(text[start..i], sep, hard));
                sep = false;
                hard = false;
                continue;
            }

            sep = true;
            hard |= !IsSoftSeparator(c);
            i++;
        }

        return tokens;
    }

    private static bool IsSoftSeparator(char c) => char.IsWhiteSpace(c) || c is '-' or '‐' or '‑' or '–' or '—' or '_' or '@' or '+' or '/';

    private static bool IsCapitals(string text) => text.Length >= 2 && text.All(char.IsUpper);
}
