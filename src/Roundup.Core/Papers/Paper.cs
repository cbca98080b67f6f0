namespace Roundup.Papers;

/// <summary>
/// One arXiv paper: one per canonical id, whatever its versions and cross-lists.
/// <see cref="Announced"/> is the listing date of its first announcement: the date arXiv prints on its /new page,
/// for the batch sent out at 20:00 US Eastern the evening before.
/// </summary>
public sealed record Paper
{
    /// <summary>The canonical id, without version.</summary>
    public required ArxivId Id { get; init; }

    /// <summary>The latest version known.</summary>
    public int Version { get; init; } = 1;

    public required string Title { get; init; }

    public string Abstract { get; init; } = "";

    public IReadOnlyList<string> Authors { get; init; } = [];

    /// <summary>All categories, the primary one first.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    public string? PrimaryCategory => Categories.Count > 0 ? Categories[0] : null;

    public string? Comment { get; init; }

    public string? JournalRef { get; init; }

    public string? Doi { get; init; }

    public string? License { get; init; }

    /// <summary>When version 1 was submitted, where the source says.</summary>
    public DateTimeOffset? Submitted { get; init; }

    /// <summary>The listing date of the first announcement.</summary>
    public DateOnly? Announced { get; init; }

    /// <summary>How it was announced on <see cref="Announced"/>: new or cross.</summary>
    public AnnounceType AnnounceType { get; init; }

    public IReadOnlyList<PaperVersion> Versions { get; init; } = [];

    public Uri AbsUrl => new($"https://arxiv.org/abs/{Id.Canonical}");
}
