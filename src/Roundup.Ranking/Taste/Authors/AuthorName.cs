using System.Text;
using System.Text.RegularExpressions;

namespace Roundup.Ranking.Taste.Authors;

/// <summary>
/// The key an author's record is kept under, so one person's spellings meet: TeX accents decoded (<c>M\"uller</c>),
/// diacritics folded (<c>Müller</c> and <c>Muller</c>), case and punctuation ignored, hyphens read as spaces
/// (<c>Hung-yi</c>, <c>Hung Yi</c>). A name given with initials only (<c>J. Smith</c>) cannot be told apart from
/// the other J. Smiths: <see cref="InitialsKey"/> says whom it could be.
/// </summary>
public static partial class AuthorName
{
    public static string Key(string name)
    {
        var text = DecodeTex(name);
        var key = new StringBuilder(text.Length);
        var space = true;
        foreach (var c in text)
        {
            var folded = LatinFolding.Fold(c);
            if (folded is null && char.IsLetterOrDigit(c))
            {
                folded = char.ToUpperInvariant(c).ToString();
            }

            if (folded is null)
            {
                if (!space)
                {
                    key.Append(' ');
                    space = true;
                }

                continue;
            }

            key.Append(folded);
            space = false;
        }

        return key.ToString().TrimEnd();
    }

    /// <summary>True when every part but the surname is an initial: <c>J SMITH</c>, <c>J P DUPONT</c>.</summary>
    public static bool IsInitialsOnly(string key)
    {
        var parts = key.Split(' ');
        return parts.Length >= 2 && parts[..^1].All(p => p.Length == 1);
    }

    /// <summary>First initial and surname (<c>J SMITH</c> for <c>JOHN SMITH</c>); empty for a one-part name.</summary>
    public static string InitialsKey(string key)
    {
        var parts = key.Split(' ');
        return parts.Length >= 2 && parts[0].Length > 0 ? $"{parts[0][0]} {parts[^1]}" : "";
    }

    private static string DecodeTex(string name)
    {
        if (!name.Contains('\\', StringComparison.Ordinal) && !name.Contains('{', StringComparison.Ordinal))
        {
            return name;
        }

        var text = TexLetter().Replace(name, m => m.Groups[1].Value switch
        {
            "ss" => "ss",
            "o" or "O" => "o",
            "l" or "L" => "l",
            "aa" or "AA" => "a",
            "ae" or "AE" => "ae",
            "oe" or "OE" => "oe",
            "i" => "i",
            _ => "j",
        });
        text = TexAccent().Replace(text, "");
        return text.Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal).Replace("\\", " ", StringComparison.Ordinal);
    }

    // \ss, \o, \l, \aa, \ae, \oe, \i, \j: letters TeX writes as commands.
    [GeneratedRegex(@"\\(ss|o|O|l|L|aa|AA|ae|AE|oe|OE|i|j)(?![A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex TexLetter();

    // Accents over the next letter: \" \' \` \^ \~ \= \. and \u \v \H \c \k \r \d \b \t before a brace or space.
    [GeneratedRegex(@"\\([""'`^~=.]|[uvHckrdbt](?=[\s{]))\s*", RegexOptions.CultureInvariant)]
    private static partial Regex TexAccent();
}
