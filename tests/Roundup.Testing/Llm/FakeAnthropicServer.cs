using System.Text.Json.Nodes;

namespace Roundup.Testing.Llm;

/// <summary>
/// The Anthropic Messages API (<c>POST /v1/messages</c>) on 127.0.0.1: a message object, or with
/// <c>"stream": true</c> the server-sent events (message_start, content_block_start/delta/stop, message_delta,
/// message_stop). Errors come as the API sends them: <c>{"type": "error", "error": {...}}</c> with the reply's status.
/// </summary>
public sealed class FakeAnthropicServer : IAsyncDisposable
{
    private readonly LoopbackProtocolServer _server;

    public FakeAnthropicServer(Func<ProtocolCall, ChatReply> handler) =>
        _server = new LoopbackProtocolServer(call => Answer(call, handler));

    /// <summary>The API host to configure: <c>http://127.0.0.1:port</c> (the client adds <c>/v1/messages</c>).</summary>
    public string Endpoint => _server.BaseUri.ToString().TrimEnd('/');

    public IReadOnlyList<ProtocolCall> Calls => _server.Calls;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>The request's system prompt: a string or a list of text blocks.</summary>
    public static string SystemOf(ProtocolCall call) => call.Json["system"] switch
    {
        JsonValue text => text.GetValue<string>(),
        JsonArray blocks => string.Concat(blocks.Select(b => b?["text"]?.GetValue<string>() ?? "")),
        _ => "",
    };

    private static ProtocolAnswer Answer(ProtocolCall call, Func<ProtocolCall, ChatReply> handler)
    {
        if (call.Method != "POST" || call.Path != "/v1/messages")
        {
            return Error(404, "not_found_error", $"FakeAnthropicServer: nothing at {call.Method} {call.Path}");
        }

        var reply = handler(call);
        if (reply.Status != 200)
        {
            return Error(reply.Status, reply.Status is 401 ? "authentication_error" : "api_error", reply.Content) with { Delay = reply.Delay, Headers = reply.Headers };
        }

        var model = call.Model ?? "test-model";
        if (!call.Streams(absent: false))
        {
            return ProtocolAnswer.Json(Message(model, reply, reply.Content, "end_turn", reply.CompletionTokens).ToJsonString()) with { Delay = reply.Delay, Headers = reply.Headers };
        }

        List<string> events =
        [
            Event("message_start", new JsonObject { ["message"] = Message(model, reply, null, null, 1) }),
            Event("content_block_start", new JsonObject { ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" } }),
            .. FakeOllamaServer.Pieces(reply.Content).Select(piece => Event("content_block_delta", new JsonObject
            {
                ["index"] = 0,
                ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = piece },
            })),
            Event("content_block_stop", new JsonObject { ["index"] = 0 }),
            Event("message_delta", new JsonObject
            {
                ["delta"] = new JsonObject { ["stop_reason"] = "end_turn", ["stop_sequence"] = null },
                ["usage"] = new JsonObject { ["output_tokens"] = reply.CompletionTokens },
            }),
            Event("message_stop", []),
        ];
        return new ProtocolAnswer(200, "text/event-stream", events) { Delay = reply.Delay, Headers = reply.Headers };
    }

    private static JsonObject Message(string model, ChatReply reply, string? text, string? stopReason, int outputTokens) => new()
    {
        ["id"] = "msg_test",
        ["type"] = "message",
        ["role"] = "assistant",
        ["model"] = model,
        ["content"] = text is null ? new JsonArray() : new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
        ["stop_reason"] = stopReason,
        ["stop_sequence"] = null,
        ["usage"] = new JsonObject { ["input_tokens"] = reply.PromptTokens, ["output_tokens"] = outputTokens },
    };

    private static string Event(string type, JsonObject data)
    {
        data["type"] = type;
        return $"event: {type}\ndata: {data.ToJsonString()}\n\n";
    }

    private static ProtocolAnswer Error(int status, string type, string message) => ProtocolAnswer.Json(
        new JsonObject { ["type"] = "error", ["error"] = new JsonObject { ["type"] = type, ["message"] = message } }.ToJsonString(),
        status);
}
