namespace Roundup.Ranking.Taste.Model;

/// <summary>What a taste model was trained on: its provenance, stored with it and shown by <c>roundup learn</c> and the model card.</summary>
public sealed record TasteModelInfo
{
    /// <summary>"default" for the shipped model, "learned" for a curator's.</summary>
    public required string Kind { get; init; }

    /// <summary>The files or store it learned from, in words.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>Listing rows (papers a curator saw) it was fitted on, and how many of them were picks.</summary>
    public required int Rows { get; init; }

    public required int Picks { get; init; }

    public required DateOnly? FirstRowDate { get; init; }

    public required DateOnly? LastRowDate { get; init; }

    /// <summary>Featured papers in its history (author records, code owners, title memory) and their date range.</summary>
    public required int Featured { get; init; }

    public required DateOnly? HistoryStart { get; init; }

    public required DateOnly? HistoryEnd { get; init; }

    /// <summary>The model this one was trained on top of (its hash), or null.</summary>
    public string? Basis { get; init; }

    public required string EmbeddingModel { get; init; }
}
