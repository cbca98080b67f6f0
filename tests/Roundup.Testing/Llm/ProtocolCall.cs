using System.Collections.Specialized;
using System.Text.Json.Nodes;

namespace Roundup.Testing.Llm;

/// <summary>A request as a <see cref="LoopbackProtocolServer"/> received it: method, path, headers and body.</summary>
public sealed record ProtocolCall(int Index, string Method, string Path, NameValueCollection Headers, string Body)
{
    /// <summary>The body as a JSON object; throws naming the call when it is not one.</summary>
    public JsonObject Json => (JsonNode.Parse(Body) as JsonObject)
        ?? throw new InvalidOperationException($"call {Index} to {Path}: the body is not a JSON object: {Body}");

    public string? Model => Json["model"]?.GetValue<string>();

    /// <summary>The <c>stream</c> flag, or <paramref name="absent"/> when the request does not say.</summary>
    public bool Streams(bool absent) => Json["stream"]?.GetValue<bool>() ?? absent;

    /// <summary>The messages' roles and texts, through the chat-completions view (string or text-part content).</summary>
    public ChatCall Chat => new(Index, Method, Path, Body);

    public string? Header(string name) => Headers[name];
}
