using System.Security.Cryptography;
using System.Text;

namespace Roundup.Publishing;

/// <summary>
/// A label readers can browse by: a topic section ("Reinforcement learning") or an arXiv category ("cs.LG").
/// The slug names the tag's page and holds only [a-z0-9.-] (made here, never passed in), so no label can name a
/// file outside the tags folder.
/// </summary>
public sealed record Tag
{
    private Tag(string slug, string label)
    {
        Slug = slug;
        Label = label;
    }

    public string Slug { get; }

    public string Label { get; }

    public static Tag ForTopic(string topic) => new(Slugify(topic, keepDots: false), topic);

    public static Tag ForCategory(string category) => new(Slugify(category, keepDots: true), category);

    private static string Slugify(string label, bool keepDots)
    {
        var builder = new StringBuilder(label.Length);
        foreach (var c in label.ToLowerInvariant())
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9') || (keepDots && c == '.'))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-', '.');
        if (slug.Length > 0)
        {
            return slug.Length <= 80 ? slug : slug[..80].TrimEnd('-', '.');
        }

        // A label without ASCII letters or digits still needs a stable, distinct name.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(label));
        return "tag-" + Convert.ToHexStringLower(hash)[..10];
    }
}
