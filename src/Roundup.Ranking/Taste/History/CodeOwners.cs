using System.Text.RegularExpressions;

namespace Roundup.Ranking.Taste.History;

/// <summary>
/// Who publishes a paper's code or page, read from its links: <c>github.com/OWNER</c>, <c>gitlab.com/OWNER</c>,
/// <c>huggingface.co/OWNER</c>, <c>OWNER.github.io</c>. A lab that shares its code under one name keeps that name
/// from paper to paper, whoever the authors are.
/// </summary>
public static partial class CodeOwners
{
    private static readonly HashSet<string> NotOwners = new(StringComparer.Ordinal) { "papers", "datasets", "spaces", "docs", "blog", "collections", "models", "orgs", "features", "topics", "about", "login", "www" };

    public static IReadOnlyList<string> In(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var owners = new List<string>();
        foreach (Match m in Link().Matches(text))
        {
            var owner = m.Groups["owner"].Value.ToLowerInvariant();
            if (owner.Length < 2 || NotOwners.Contains(owner))
            {
                continue;
            }

            var key = m.Groups["site"].Success ? $"{m.Groups["site"].Value.ToLowerInvariant()}/{owner}" : $"{owner}.github.io";
            if (!owners.Contains(key, StringComparer.Ordinal))
            {
                owners.Add(key);
            }
        }

        return owners;
    }

    [GeneratedRegex(@"(?<site>github\.com|gitlab\.com|huggingface\.co)/(?<owner>[A-Za-z0-9][A-Za-z0-9_.\-]{0,38})|\b(?<owner>[A-Za-z0-9][A-Za-z0-9\-]{0,38})\.github\.io\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Link();
}
