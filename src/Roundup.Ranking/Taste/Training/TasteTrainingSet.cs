using Roundup.Curation;

namespace Roundup.Ranking.Taste.Training;

/// <summary>
/// What a taste learns from: listing rows (papers a curator saw in a week, picked or not) and featured papers (the
/// history behind the track records and the title memory: other curators' picks and the curator's own).
/// </summary>
public sealed record TasteTrainingSet(IReadOnlyList<TrainingExample> Rows, IReadOnlyList<FeaturedPaper> Featured, IReadOnlyList<string> Sources)
{
    /// <summary>The source name the curator's own picks carry in <see cref="Featured"/>; they weigh <see cref="TasteSettings.CuratorWeight"/>.</summary>
    public const string CuratorSource = "curator";
}
