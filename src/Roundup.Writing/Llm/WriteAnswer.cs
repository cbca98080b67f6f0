using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Roundup.Writing.Llm;

/// <summary>The structured answer asked of the model; its JSON schema is sent as the response format.</summary>
[Description("The newsletter entry for the one paper of the request.")]
public sealed record WriteAnswer
{
    [JsonPropertyName("id")]
    [Description("The id attribute of the paper block, exactly as given.")]
    public string Id { get; init; } = "";

    [JsonPropertyName("tldr")]
    [Description("One sentence of at most 30 words: what the paper does and its main result.")]
    public string Tldr { get; init; } = "";

    [JsonPropertyName("summary")]
    [Description("One to three short paragraphs: problem, approach, evidence.")]
    public IReadOnlyList<string> Summary { get; init; } = [];

    [JsonPropertyName("commentary")]
    [Description("Two to four sentences: why it matters to the curator's readers, and its caveats.")]
    public string Commentary { get; init; } = "";
}
