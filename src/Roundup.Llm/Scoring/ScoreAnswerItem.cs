using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Roundup.Llm.Scoring;

/// <summary>The model's verdict on one paper, unchecked.</summary>
public sealed record ScoreAnswerItem
{
    [JsonPropertyName("id")]
    [Description("The id attribute of the paper block, exactly as given.")]
    public string Id { get; init; } = "";

    [JsonPropertyName("score")]
    [Description("An integer from 1 (surely irrelevant) to 10 (a certain pick).")]
    public int Score { get; init; }

    [JsonPropertyName("reason")]
    [Description("One short sentence on why.")]
    public string Reason { get; init; } = "";
}
