namespace Roundup.Testing.Llm;

/// <summary>
/// An OpenAI-compatible chat-completions endpoint (<c>POST /v1/chat/completions</c>) on 127.0.0.1 and a free port,
/// answering from a handler and keeping every request body; the HTTP side is <see cref="LoopbackProtocolServer"/>.
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly LoopbackProtocolServer _server;

    public FakeChatServer(Func<ChatCall, ChatReply> handler) =>
        _server = new LoopbackProtocolServer(call => Answer(call.Chat, handler));

    public Uri BaseUri => _server.BaseUri;

    /// <summary>The API base to configure: <c>http://127.0.0.1:port/v1</c>.</summary>
    public string Endpoint => new Uri(BaseUri, "v1").ToString();

    public IReadOnlyList<ChatCall> Calls => [.. _server.Calls.Select(c => c.Chat)];

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static ProtocolAnswer Answer(ChatCall call, Func<ChatCall, ChatReply> handler)
    {
        if (call.Method != "POST" || call.Path != "/v1/chat/completions")
        {
            return ProtocolAnswer.Text(404, $"FakeChatServer: nothing at {call.Method} {call.Path}");
        }

        var reply = handler(call);
        var answer = reply.Status == 200
            ? ProtocolAnswer.Json(reply.CompletionJson(call.Model ?? "test-model"))
            : ProtocolAnswer.Text(reply.Status, reply.Content);
        return answer with { Delay = reply.Delay };
    }
}
