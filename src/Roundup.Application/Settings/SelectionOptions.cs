using Roundup.Selection;

namespace Roundup.Application.Settings;

/// <summary>The funnel as <c>roundup.json</c> configures it (section <c>Selection</c>).</summary>
public sealed class SelectionOptions
{
    /// <summary>The curator profile, relative to the working directory.</summary>
    public string Profile { get; init; } = "profile.yaml";

    /// <summary>The folder <c>roundup learn</c> writes the taste model to and the funnel reads it from.</summary>
    public string TasteModel { get; init; } = Path.Combine(".roundup", "taste");

    /// <summary>
    /// Which taste scores the papers: <c>auto</c> (the model <c>roundup learn</c> trained, else the shipped default),
    /// <c>default</c> (always the shipped default), or <c>profile</c> (no learned taste: the profile's criteria, topics
    /// and exemplars by embedding similarity take the taste's weight in every stage).
    /// </summary>
    public string Taste { get; init; } = "auto";

    /// <summary>Whether the taste may use the authors' and code owners' track records; false judges papers on their content and listing alone.</summary>
    public bool Reputation { get; init; } = true;

    /// <summary>Full texts named by id (<c>2212.08410.pdf</c>, <c>.tar.gz</c>, <c>.html</c>, <c>.tex</c>) that the skim and read stages read when present.</summary>
    public string FullTextDir { get; init; } = Path.Combine(".roundup", "fulltext");

    /// <summary>How full texts are fetched into <see cref="FullTextDir"/>: order of formats, offline.</summary>
    public Roundup.Arxiv.FullText.FullTextFetchOptions FullText { get; init; } = new();

    /// <summary>Weight of relevance against diversity in the final picks (1 = relevance only).</summary>
    public double PickRelevance { get; init; } = 0.9;

    /// <summary>Finalists at least this similar to a pick are near-duplicates and never picked.</summary>
    public double NearDuplicate { get; init; } = 0.9;

    /// <summary>The stages after scope; empty means <see cref="DefaultStages"/>.</summary>
    public List<StageOptions> Stages { get; init; } = [];

    public IReadOnlyList<StageOptions> EffectiveStages => Stages.Count > 0 ? Stages : DefaultStages;

    // Weights chosen with roundup eval on the June 2025 dev windows (README, "Selection measured"): the learned taste
    // carries the ranking. The rubric (the model curator's cues: speed and accuracy claims, benchmarks, code, venue)
    // helps the title stage and is shown after it with no weight: weighted 0.05 in the later stages it cost one
    // human pick in each window (8 and 8 against 9 and 9). The skim and read stages weigh the full text's evidence
    // when there is one (without it, that scorer steps aside and the weights renormalise). The profile-similarity
    // scorer takes the taste's place only when Selection:Taste is profile.
    public static readonly StageOptions[] DefaultStages =
    [
        new() { Name = "title", Reads = Evidence.Title, KeepShare = 0.35, Scorers = new Dictionary<string, double> { ["taste"] = 0.9, ["rubric"] = 0.1 } },
        new() { Name = "abstract", Reads = Evidence.Abstract, Keep = 150, Scorers = new Dictionary<string, double> { ["taste"] = 1.0, ["rubric"] = 0 } },
        new() { Name = "skim", Reads = Evidence.Skim, Keep = 50, Scorers = new Dictionary<string, double> { ["taste"] = 1.0, ["rubric"] = 0, ["evidence"] = 0.3 } },
        new() { Name = "read", Reads = Evidence.FullText, Keep = 30, Scorers = new Dictionary<string, double> { ["taste"] = 1.0, ["rubric"] = 0, ["evidence"] = 0.3 } },
    ];

    public IEnumerable<string> Validate()
    {
        var known = new[] { "taste", "similarity", "rubric", "llm", "evidence" };
        foreach (var stage in Stages)
        {
            if (string.IsNullOrWhiteSpace(stage.Name) || stage.Name is Scope.StageName or Diversity.StageName)
            {
                yield return $"Selection:Stages: a stage needs a name other than scope and picks (got '{stage.Name}')";
            }

            if (stage.Keep is < 0 || stage.KeepShare is < 0 or > 1)
            {
                yield return $"Selection:Stages:{stage.Name}: Keep must be 0 or more and KeepShare between 0 and 1";
            }

            foreach (var scorer in stage.Scorers.Keys.Where(k => !known.Contains(k)))
            {
                yield return $"Selection:Stages:{stage.Name}: unknown scorer '{scorer}' (known: {string.Join(", ", known)})";
            }
        }

        if (Taste is not ("auto" or "default" or "profile"))
        {
            yield return $"Selection:Taste must be auto, default or profile (got '{Taste}')";
        }

        if (PickRelevance is < 0 or > 1)
        {
            yield return "Selection:PickRelevance must be between 0 and 1";
        }
    }
}
