using System.Text.RegularExpressions;

namespace Roundup.Papers;

/// <summary>
/// arXiv category names (<c>cs.LG</c>, <c>hep-th</c>, <c>cond-mat.stat-mech</c>). Sources sometimes leak other
/// classifications into the list (MSC codes such as "68Q25, 68W20" in the listing files): only real category
/// names are kept, in order, once each.
/// </summary>
public static partial class ArxivCategories
{
    public static bool IsValid(string text) => Pattern().IsMatch(text);

    public static IReadOnlyList<string> Clean(IReadOnlyList<string> categories)
    {
        if (categories.All(IsValid) && categories.Distinct(StringComparer.Ordinal).Count() == categories.Count)
        {
            return categories;
        }

        return categories
            .SelectMany(c => c.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries))
            .Where(IsValid)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"^[a-z][a-z\-]*(\.[A-Za-z][A-Za-z\-]*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
