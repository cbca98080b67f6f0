using Roundup.Issues;
using Roundup.Publishing.Text;

namespace Roundup.Publishing.Views;

/// <summary>Turns an <see cref="Issue"/> into what templates and text writers show.</summary>
internal static class IssueViews
{
    private const int AuthorsShownInFull = 6;

    public static SiteView Site(SiteOptions site) => new(
        CleanText.Inline(site.Title),
        CleanText.Inline(site.Description),
        CleanText.Inline(site.Curator),
        site.Language,
        site.BaseUrl.AbsoluteUri);

    /// <summary>Builds the view with links relative to <paramref name="root"/>: "../" on an archive page, the site's URL elsewhere.</summary>
    public static IssueView Build(Issue issue, string root)
    {
        var page = root + SitePaths.IssuePage(issue.Week);
        var number = 0;
        var sections = new List<SectionView>(issue.Sections.Count);
        foreach (var section in issue.Sections)
        {
            var entries = new List<EntryView>(section.Entries.Count);
            foreach (var entry in section.Entries)
            {
                entries.Add(Entry(issue, entry, ++number, root, page));
            }

            var topic = CleanText.Inline(section.Topic);
            sections.Add(new SectionView(topic, root + SitePaths.TagPage(Tag.ForTopic(topic)), entries));
        }

        var date = PublicationDate(issue);
        return new IssueView(
            issue.Week.ToString(),
            CleanText.Inline(Headline(issue)),
            CleanText.Paragraphs(issue.Intro),
            Dates.Display(date),
            Dates.Rfc3339(date),
            Dates.Rfc3339(issue.Updated),
            page,
            number,
            sections,
            issue.Corrections.Select(c => Correction(issue, c, page)).ToList(),
            issue.Funnel.Select(f => new FunnelStageView(CleanText.Inline(f.Stage), Numbers.Count(f.Entered), Numbers.Count(f.Kept), CleanText.Inline(f.Budget))).ToList(),
            FunnelSummary(issue.Funnel),
            issue.Grounding.Checked > 0 ? issue.Grounding.ToString() : "");
    }

    /// <summary>
    /// The title without a "Roundup 2025-W26: " in front: issues written before the composer stopped putting the name
    /// and week into the title carry it, and every renderer adds its own (the e-mail subject said it twice).
    /// </summary>
    public static string Headline(Issue issue)
    {
        var prefix = issue.Week + ": ";
        var at = issue.Title.IndexOf(prefix, StringComparison.Ordinal);
        return at >= 0 && !issue.Title.AsSpan(0, at).Contains(':') && at + prefix.Length < issue.Title.Length
            ? issue.Title[(at + prefix.Length)..].TrimStart()
            : issue.Title;
    }

    /// <summary>The date readers see: publication, else approval, else writing (a preview of a draft).</summary>
    public static DateTimeOffset PublicationDate(Issue issue) => issue.Published ?? issue.Approved ?? issue.Written;

    /// <summary>"3,030 → 1,060 → 150 → 50 → 30 → 15": what entered the first stage, then what each stage kept.</summary>
    public static string FunnelSummary(IReadOnlyList<FunnelCount> funnel) =>
        funnel.Count == 0 ? "" : string.Join(" → ", funnel.Take(1).Select(f => f.Entered).Concat(funnel.Select(f => f.Kept)).Select(Numbers.Count));

    public static string Authors(IReadOnlyList<string> authors)
    {
        var names = authors.Select(CleanText.Inline).Where(a => a.Length > 0).ToList();
        return names.Count switch
        {
            0 => "",
            1 => names[0],
            <= AuthorsShownInFull => string.Join(", ", names[..^1]) + " and " + names[^1],
            _ => string.Join(", ", names.Take(AuthorsShownInFull - 1)) + " et al.",
        };
    }

    /// <summary>Only absolute http(s) links are shown; anything else (javascript:, data:, relative) is dropped.</summary>
    public static string? SafeLink(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;

    private static EntryView Entry(Issue issue, IssueEntry entry, int number, string root, string page)
    {
        var shown = entry.Shown;
        return new EntryView(
            number,
            entry.Anchor,
            entry.Id.ToString(),
            CleanText.Inline(entry.Title),
            Authors(entry.Authors),
            entry.AbsUrl.AbsoluteUri,
            entry.PdfUrl.AbsoluteUri,
            SafeLink(entry.CodeUrl),
            page + "#" + entry.Anchor,
            entry.Categories.Select(CleanText.Inline).Where(c => c.Length > 0)
                .Select(c => new TagView(c, root + SitePaths.TagPage(Tag.ForCategory(c)))).ToList(),
            CleanText.Inline(shown.Tldr),
            CleanText.Paragraphs(shown.Summary),
            CleanText.Inline(shown.Commentary),
            entry.Automatic,
            issue.Corrections.Where(c => c.Paper is { } id && id.Canonical == entry.Id.Canonical)
                .Select(c => Correction(issue, c, page)).ToList());
    }

    private static CorrectionView Correction(Issue issue, Correction correction, string page)
    {
        string? about = null;
        string? aboutUrl = null;
        if (correction.Paper is { } id)
        {
            var entry = issue.Entries.FirstOrDefault(e => e.Id.Canonical == id.Canonical);
            about = entry is null ? "arXiv:" + id : CleanText.Inline(entry.Title);
            aboutUrl = entry is null ? $"https://arxiv.org/abs/{id}" : page + "#" + entry.Anchor;
        }

        return new CorrectionView(CleanText.Inline(correction.Text), Dates.Display(correction.Recorded), Dates.Rfc3339(correction.Recorded), about, aboutUrl);
    }
}
