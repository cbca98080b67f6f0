namespace Roundup.Ranking.Taste;

/// <summary>What a taste model was trained on and with; stored as JSON beside the ML.NET model.</summary>
public sealed record TasteModelMetadata
{
    /// <summary>A content hash of the training data and the learned parameters: the model's id.</summary>
    public required string ModelHash { get; init; }

    public required DateTimeOffset TrainedAt { get; init; }

    public required int Examples { get; init; }

    public required int Positives { get; init; }

    public required DateOnly FirstDate { get; init; }

    public required DateOnly LastDate { get; init; }

    public required string EmbeddingModel { get; init; }

    public required int EmbeddingDimensions { get; init; }

    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>Per feature: the training mean and standard deviation used to standardise it.</summary>
    public required IReadOnlyList<float> Means { get; init; }

    public required IReadOnlyList<float> Scales { get; init; }

    /// <summary>Author key → number of training picks with that author.</summary>
    public required IReadOnlyDictionary<string, int> AuthorCounts { get; init; }

    public required IReadOnlyList<string> FollowedAuthors { get; init; }

    public required float L2Regularization { get; init; }

    public required int Seed { get; init; }
}
