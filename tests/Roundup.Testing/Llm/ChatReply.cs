using System.Text.Json;
using System.Text.Json.Nodes;

namespace Roundup.Testing.Llm;

/// <summary>What the <see cref="FakeChatServer"/> answers: the assistant's content, token counts, a delay or an error status.</summary>
public sealed record ChatReply
{
    public string Content { get; init; } = "";

    public int PromptTokens { get; init; } = 100;

    public int CompletionTokens { get; init; } = 20;

    public TimeSpan Delay { get; init; }

    public int Status { get; init; } = 200;

    /// <summary>Response headers to send with the reply (<c>Retry-After</c> …); the Ollama and Anthropic fakes send them.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public static ChatReply Raw(string content) => new() { Content = content };

    /// <summary>A well-formed answer scoring each id.</summary>
    public static ChatReply Scores(params (string Id, int Score, string Reason)[] scores) => Raw(JsonSerializer.Serialize(new
    {
        papers = scores.Select(s => new { id = s.Id, score = s.Score, reason = s.Reason }),
    }));

    /// <summary>Every id asked for scored <paramref name="score"/>.</summary>
    public static ChatReply ScoreAll(ChatCall call, int score = 8) =>
        Scores([.. call.Ids.Select(id => (id, score, $"fits the criteria ({id})"))]);

    public string CompletionJson(string model) => new JsonObject
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1_772_000_000,
        ["model"] = model,
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = Content },
            ["finish_reason"] = "stop",
        }),
        ["usage"] = new JsonObject
        {
            ["prompt_tokens"] = PromptTokens,
            ["completion_tokens"] = CompletionTokens,
            ["total_tokens"] = PromptTokens + CompletionTokens,
        },
    }.ToJsonString();
}
