using Roundup.Selection;

namespace Roundup.Cli.Configuration;

/// <summary>One stage in <c>roundup.json</c>: <c>{ "Name": "abstract", "Reads": "Abstract", "Keep": 150, "Scorers": { "taste": 0.5, "rubric": 0.5 } }</c>.</summary>
public sealed class StageConfig
{
    public string Name { get; set; } = "";

    public Evidence Reads { get; set; } = Evidence.Title;

    public int? Keep { get; set; }

    public double? KeepShare { get; set; }

    public double MinScore { get; set; }

    public int BatchSize { get; set; } = 200;

    public Dictionary<string, double> Scorers { get; set; } = [];

    public StageOptions ToOptions() => new()
    {
        Name = Name,
        Reads = Reads,
        Keep = Keep,
        KeepShare = KeepShare,
        MinScore = MinScore,
        BatchSize = BatchSize,
        Scorers = Scorers,
    };
}
