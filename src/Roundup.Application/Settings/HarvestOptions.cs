namespace Roundup.Application.Settings;

public sealed class HarvestOptions
{
    /// <summary>Where papers come from when <c>--source</c> is not given: <c>oai</c>, <c>api</c>, <c>rss</c>, or <c>file:PATH</c>.</summary>
    public List<string> Sources { get; init; } = [];

    /// <summary>The arXiv categories to harvest.</summary>
    public List<string> Categories { get; init; } = [];

    /// <summary>Fail (exit 1) when the completeness report finds something missing.</summary>
    public bool Strict { get; init; }

    public static readonly string[] DefaultSources = ["oai"];

    public static readonly string[] DefaultCategories = ["cs.LG", "cs.CV", "cs.CL", "cs.AI", "stat.ML"];

    public IReadOnlyList<string> EffectiveSources => Sources.Count > 0 ? Sources : DefaultSources;

    public IReadOnlyList<string> EffectiveCategories => Categories.Count > 0 ? Categories : DefaultCategories;
}
