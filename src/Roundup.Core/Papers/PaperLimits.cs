namespace Roundup.Papers;

/// <summary>
/// Sanity limits on what a source may hand us. arXiv itself caps abstracts at 1,920 characters and titles well
/// under 300; anything far beyond is a broken or hostile record, refused with a reason and counted.
/// </summary>
public static class PaperLimits
{
    public const int MaxTitle = 1_000;
    public const int MaxAbstract = 10_000;
    public const int MaxAuthors = 5_000;        // large collaborations list ~3,000
    public const int MaxAuthorName = 300;
    public const int MaxCategories = 30;
    public const int MaxShortField = 2_000;     // comment, journal-ref, DOI, licence

    /// <summary>
    /// The longest line of a listing or snapshot file that is parsed at all: 10 MiB. A real record is a few KB (the
    /// longest of the 2025 and 2026 listing lines is 15 KB; a 3,000-author collaboration's snapshot record a few
    /// hundred KB); a longer line is skipped unread, never held whole, and reported with its file and line.
    /// </summary>
    public const int MaxRecordBytes = 10 * 1024 * 1024;

    /// <summary>Null when the paper is acceptable, else what is wrong with it.</summary>
    public static string? Check(Paper paper)
    {
        if (string.IsNullOrWhiteSpace(paper.Title))
        {
            return "the title is empty";
        }

        if (paper.Title.Length > MaxTitle)
        {
            return $"the title is {paper.Title.Length:N0} characters long (limit {MaxTitle:N0})";
        }

        if (paper.Abstract.Length > MaxAbstract)
        {
            return $"the abstract is {paper.Abstract.Length:N0} characters long (limit {MaxAbstract:N0})";
        }

        if (paper.Authors.Count > MaxAuthors)
        {
            return $"{paper.Authors.Count:N0} authors (limit {MaxAuthors:N0})";
        }

        if (paper.Authors.FirstOrDefault(a => a.Length > MaxAuthorName) is { } longName)
        {
            return $"an author name is {longName.Length:N0} characters long (limit {MaxAuthorName})";
        }

        if (paper.Categories.Count > MaxCategories)
        {
            return $"{paper.Categories.Count} categories (limit {MaxCategories})";
        }

        foreach (var (name, value) in new[] { ("comment", paper.Comment), ("journal-ref", paper.JournalRef), ("DOI", paper.Doi), ("licence", paper.License) })
        {
            if (value is { Length: > MaxShortField })
            {
                return $"the {name} is {value.Length:N0} characters long (limit {MaxShortField:N0})";
            }
        }

        return null;
    }
}
