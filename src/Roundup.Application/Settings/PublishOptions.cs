using Roundup.Publishing;

namespace Roundup.Application.Settings;

/// <summary>The configuration section <c>Publish</c>: the newsletter's name, where its archive lives, and where files go.</summary>
public sealed class PublishOptions
{
    public string Title { get; init; } = "Roundup";

    /// <summary>Where the web archive is served; links in e-mails and feeds point here.</summary>
    public string SiteUrl { get; init; } = "https://example.org/roundup/";

    public string Curator { get; init; } = "Roundup";

    public string Description { get; init; } = "The week's most interesting machine-learning papers on arXiv, summarised.";

    public string Language { get; init; } = "en";

    /// <summary>The web archive and feeds (<c>roundup publish</c>), relative to the working directory.</summary>
    public string ArchiveDir { get; init; } = Path.Combine("out", "site");

    /// <summary>The Draft preview that <c>roundup run</c> writes (Markdown, HTML e-mail, issue page).</summary>
    public string PreviewDir { get; init; } = Path.Combine("out", "preview");

    /// <summary>
    /// Whether the archive's entries carry a "suggest a correction" form. It posts to <c>{SiteUrl}corrections</c>, which
    /// <c>roundup serve</c> answers (the suggestions wait at the desk); turn it off for an archive hosted elsewhere.
    /// </summary>
    public bool SuggestCorrections { get; init; } = true;

    public SiteOptions Site() => new(Title, new Uri(SiteUrl), Curator, Description, Language);

    public IEnumerable<string> Validate()
    {
        string? error = null;
        try
        {
            if (!Uri.TryCreate(SiteUrl, UriKind.Absolute, out _))
            {
                error = $"Publish:SiteUrl '{SiteUrl}' is not an absolute URL such as https://example.org/roundup/";
            }
            else
            {
                _ = Site();
            }
        }
        catch (ArgumentException e)
        {
            error = $"Publish: {e.Message}";
        }

        if (error is not null)
        {
            yield return error;
        }
    }
}
