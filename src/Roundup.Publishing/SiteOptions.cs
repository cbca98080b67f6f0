using System.Text.RegularExpressions;

namespace Roundup.Publishing;

/// <summary>
/// What every renderer needs to know about the site: its name, where it lives, who curates it. Passed in, never
/// read from globals, so a renderer is a pure function of the issue and these options.
/// </summary>
public sealed partial record SiteOptions
{
    public SiteOptions(string title, Uri baseUrl, string curator, string description, string language = "en")
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ArgumentException("SiteOptions.Title is required (the newsletter's name)", nameof(title));
        }

        if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"SiteOptions.BaseUrl must be an absolute http(s) URL such as https://example.org/roundup/, got '{baseUrl}'", nameof(baseUrl));
        }

        if (!LanguageTag().IsMatch(language ?? ""))
        {
            throw new ArgumentException($"SiteOptions.Language must be a language tag such as 'en' or 'en-GB', got '{language}'", nameof(language));
        }

        Title = title.Trim();
        // Relative links resolve against the base: without the trailing slash its last segment would be replaced.
        BaseUrl = baseUrl.AbsolutePath.EndsWith('/') ? baseUrl : new Uri(baseUrl.GetLeftPart(UriPartial.Path) + "/");
        Curator = curator?.Trim() ?? "";
        Description = description?.Trim() ?? "";
        Language = language!;
    }

    public string Title { get; }

    /// <summary>Where the web archive is served, always ending in '/'.</summary>
    public Uri BaseUrl { get; }

    public string Curator { get; }

    public string Description { get; }

    /// <summary>The content language (BCP 47), for html lang, feeds and JSON Feed.</summary>
    public string Language { get; }

    /// <summary>
    /// Whether each entry of an archive page carries the "suggest a correction" form, which posts to
    /// <see cref="SitePaths.Corrections"/> beside the archive: only for an archive served by <c>roundup serve</c>.
    /// </summary>
    public bool SuggestCorrections { get; init; }

    /// <summary>The absolute URL of a path inside the site, e.g. <c>issues/2025-W26.html</c>.</summary>
    public Uri Url(string relativePath) => new(BaseUrl, relativePath);

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")]
    private static partial Regex LanguageTag();
}
