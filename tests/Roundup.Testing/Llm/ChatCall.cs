using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Roundup.Testing.Llm;

/// <summary>A chat-completions request as the <see cref="FakeChatServer"/> received it.</summary>
public sealed partial record ChatCall(int Index, string Method, string Path, string Body)
{
    private JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    public IReadOnlyList<(string Role, string Content)> Messages =>
        [.. Json["messages"]!.AsArray().Select(m => (m!["role"]!.GetValue<string>(), ContentOf(m["content"])))];

    public string System => string.Join("\n", Messages.Where(m => m.Role == "system").Select(m => m.Content));

    public string User => string.Join("\n", Messages.Where(m => m.Role == "user").Select(m => m.Content));

    public string? Model => Json["model"]?.GetValue<string>();

    public JsonNode? ResponseFormat => Json["response_format"];

    /// <summary>The ids of the paper blocks in the user message, in order.</summary>
    public IReadOnlyList<string> Ids => [.. PaperBlock().Matches(User).Select(m => m.Groups[1].Value)];

    // The client may send content as a plain string or as a list of text parts.
    private static string ContentOf(JsonNode? content) => content switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonArray parts => string.Concat(parts.Select(p => p?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    [GeneratedRegex("<paper id=\"([^\"]+)\">")]
    private static partial Regex PaperBlock();
}
