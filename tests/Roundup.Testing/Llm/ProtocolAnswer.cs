namespace Roundup.Testing.Llm;

/// <summary>What a <see cref="LoopbackProtocolServer"/> sends back: a status, a content type and the body in parts, each flushed on its own.</summary>
public sealed record ProtocolAnswer(int Status, string ContentType, IReadOnlyList<string> Parts)
{
    public TimeSpan Delay { get; init; }

    /// <summary>Response headers to send besides the content type (<c>Retry-After</c> …).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public static ProtocolAnswer Json(string json, int status = 200) => new(status, "application/json", [json]);

    public static ProtocolAnswer Text(int status, string text) => new(status, "text/plain; charset=utf-8", [text]);
}
