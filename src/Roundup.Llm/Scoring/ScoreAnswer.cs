using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Roundup.Llm.Scoring;

/// <summary>The structured answer asked of the model; its JSON schema is sent as the response format.</summary>
[Description("Scores for the papers of the request, one entry per paper block.")]
public sealed record ScoreAnswer
{
    [JsonPropertyName("papers")]
    public IReadOnlyList<ScoreAnswerItem> Papers { get; init; } = [];
}
