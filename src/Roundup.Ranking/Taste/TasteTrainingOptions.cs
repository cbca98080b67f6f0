namespace Roundup.Ranking.Taste;

public sealed record TasteTrainingOptions
{
    /// <summary>When the model was trained, recorded in its metadata (the core never reads the clock).</summary>
    public DateTimeOffset TrainedAt { get; init; }

    /// <summary>The embedder behind the title embeddings handed to the trainer; a scorer must embed with the same one.</summary>
    public string EmbeddingModel { get; init; } = Embeddings.MiniLmEmbedder.ModelName;

    /// <summary>The curator's followed authors while training; their papers get the followed-author feature.</summary>
    public IReadOnlyList<string> FollowedAuthors { get; init; } = [];

    /// <summary>
    /// L2 penalty of the logistic regression, on standardised features. Strong, because the 384 embedding dimensions
    /// meet only a few hundred picks: on the June 2025 dev days 100 to 1,000 ranked alike and 1 to 10 overfitted.
    /// </summary>
    public float L2Regularization { get; init; } = 300f;

    /// <summary>Weight the picks so both classes count the same (picks are about 4% of a week).</summary>
    public bool BalanceClasses { get; init; } = true;

    public int MaximumIterations { get; init; } = 200;

    public int Seed { get; init; } = 42;
}
