using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Roundup.Papers;

/// <summary>
/// An arXiv identifier in either scheme: new (<c>2506.01234</c>, <c>0704.0001</c>) or old (<c>hep-th/9901001</c>).
/// <see cref="Canonical"/> is the key for deduplication: no version, and old-scheme ids drop the subject class
/// (<c>math.CA/0611800</c> becomes <c>math/0611800</c>), as arXiv's external form does.
/// </summary>
public readonly partial record struct ArxivId : IComparable<ArxivId>
{
    private ArxivId(string canonical, int? version)
    {
        Canonical = canonical;
        Version = version;
    }

    /// <summary>The id without version, e.g. <c>2506.01234</c> or <c>math/0611800</c>.</summary>
    public string Canonical { get; }

    /// <summary>The version number when one was given (<c>v2</c> → 2), else null (meaning the latest).</summary>
    public int? Version { get; }

    public bool IsOldScheme => Canonical.Contains('/', StringComparison.Ordinal);

    public ArxivId WithoutVersion() => new(Canonical, null);

    public ArxivId WithVersion(int version) =>
        version >= 1 ? new(Canonical, version) : throw new ArgumentOutOfRangeException(nameof(version), version, "versions start at 1");

    public override string ToString() => Version is { } v ? $"{Canonical}v{v}" : Canonical;

    public int CompareTo(ArxivId other)
    {
        var byId = string.CompareOrdinal(Canonical, other.Canonical);
        return byId != 0 ? byId : Nullable.Compare(Version, other.Version);
    }

    public static ArxivId Parse(string text) =>
        TryParse(text, out var id, out var error) ? id : throw new FormatException(error);

    public static bool TryParse([NotNullWhen(true)] string? text, out ArxivId id) => TryParse(text, out id, out _);

    /// <summary>
    /// Accepts a bare id and the forms arXiv's interfaces wrap it in: <c>arXiv:</c>, <c>oai:arXiv.org:</c>,
    /// and abs/pdf/html URLs.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out ArxivId id, out string error)
    {
        id = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "an arXiv id is required, got an empty string";
            return false;
        }

        var s = StripWrapping(text.Trim());
        if (s.Length > 64)
        {
            error = $"'{Shorten(text)}' is too long to be an arXiv id";
            return false;
        }

        var m = NewScheme().Match(s);
        if (m.Success)
        {
            var yy = int.Parse(m.Groups["yy"].ValueSpan, CultureInfo.InvariantCulture);
            var mm = int.Parse(m.Groups["mm"].ValueSpan, CultureInfo.InvariantCulture);
            var digits = m.Groups["num"].Length;
            var yymm = (yy * 100) + mm;
            if (mm is < 1 or > 12 || yymm < 704)
            {
                error = $"'{Shorten(text)}' has no valid year-month (new-scheme ids start at 0704)";
                return false;
            }

            // 4-digit sequence numbers until 1412, 5 digits from 1501.
            if ((yymm <= 1412 && digits != 4) || (yymm >= 1501 && digits != 5))
            {
                error = $"'{Shorten(text)}' has {digits} digits after the dot; {(yymm <= 1412 ? 4 : 5)} are used for {m.Groups["yy"].Value}{m.Groups["mm"].Value}";
                return false;
            }

            return Build($"{m.Groups["yy"].Value}{m.Groups["mm"].Value}.{m.Groups["num"].Value}", m.Groups["v"], text, out id, out error);
        }

        m = OldScheme().Match(s);
        if (m.Success)
        {
            var mm = int.Parse(m.Groups["num"].ValueSpan[2..4], CultureInfo.InvariantCulture);
            if (mm is < 1 or > 12)
            {
                error = $"'{Shorten(text)}' has no valid month in its number";
                return false;
            }

            return Build($"{m.Groups["archive"].Value.ToLowerInvariant()}/{m.Groups["num"].Value}", m.Groups["v"], text, out id, out error);
        }

        error = $"'{Shorten(text)}' is not an arXiv id (expected YYMM.NNNNN or archive/YYMMNNN, optionally with vN)";
        return false;
    }

    private static bool Build(string canonical, Group versionGroup, string text, out ArxivId id, out string error)
    {
        int? version = null;
        if (versionGroup.Success)
        {
            if (!int.TryParse(versionGroup.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 1)
            {
                id = default;
                error = $"'{Shorten(text)}' has an invalid version";
                return false;
            }

            version = v;
        }

        id = new ArxivId(canonical, version);
        error = "";
        return true;
    }

    private static string StripWrapping(string s)
    {
        foreach (var prefix in Prefixes)
        {
            if (s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                s = s[prefix.Length..];
                break;
            }
        }

        if (s.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            s = s[..^4];
        }

        return s;
    }

    private static readonly string[] Prefixes =
    [
        "oai:arXiv.org:", "arXiv:",
        "https://arxiv.org/abs/", "http://arxiv.org/abs/", "https://arxiv.org/pdf/", "http://arxiv.org/pdf/",
        "https://arxiv.org/html/", "http://export.arxiv.org/abs/", "https://export.arxiv.org/abs/", "http://arxiv.org/html/",
    ];

    private static string Shorten(string s) => s.Length <= 80 ? s : s[..77] + "...";

    [GeneratedRegex(@"^(?<yy>\d\d)(?<mm>\d\d)\.(?<num>\d{4,5})(?:v(?<v>\d{1,4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex NewScheme();

    // archive, optional subject class (dropped from the canonical form), then YYMMNNN.
    [GeneratedRegex(@"^(?<archive>[a-zA-Z]+(?:-[a-zA-Z]+)*)(?:\.[A-Za-z]+(?:-[A-Za-z]+)?)?/(?<num>\d{7})(?:v(?<v>\d{1,4}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex OldScheme();

    public static bool operator <(ArxivId left, ArxivId right) => left.CompareTo(right) < 0;

    public static bool operator <=(ArxivId left, ArxivId right) => left.CompareTo(right) <= 0;

    public static bool operator >(ArxivId left, ArxivId right) => left.CompareTo(right) > 0;

    public static bool operator >=(ArxivId left, ArxivId right) => left.CompareTo(right) >= 0;
}
