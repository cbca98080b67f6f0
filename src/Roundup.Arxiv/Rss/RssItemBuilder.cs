using System.Diagnostics.CodeAnalysis;
using Roundup.Arxiv.OaiPmh;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.Rss;

/// <summary>
/// Turns an item's fields into a sighting. A new or cross-listed item dates the paper's first announcement; a
/// replacement does not (its first announcement was earlier), so its paper carries no announcement date.
/// </summary>
public static class RssItemBuilder
{
    public static bool TryBuild(RssItemFields item, [NotNullWhen(true)] out HarvestedPaper? sighting, out string error)
    {
        sighting = null;
        if (!ArxivId.TryParse(item.IdText, out var id, out error))
        {
            return false;
        }

        var title = MetadataText.Collapse(item.Title);
        if (string.IsNullOrEmpty(title))
        {
            error = "the title is missing";
            return false;
        }

        var type = AnnounceTypes.Parse(item.AnnounceType);
        var first = type.IsFirstAnnouncement() && !item.KnownReplacement;
        var paper = new Paper
        {
            Id = id.WithoutVersion(),
            Version = id.Version ?? 1,
            Title = title,
            Abstract = item.Abstract ?? "",
            Authors = item.Authors,
            Categories = item.Categories.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList(),
            License = MetadataText.CollapseOrNull(item.Rights),
            Announced = first ? item.ListingDate : null,
            AnnounceType = first ? type : AnnounceType.Unknown,
        };

        if (PaperLimits.Check(paper) is { } tooLarge)
        {
            error = tooLarge;
            return false;
        }

        sighting = new HarvestedPaper(paper, item.ListingDate, type);
        return true;
    }
}
