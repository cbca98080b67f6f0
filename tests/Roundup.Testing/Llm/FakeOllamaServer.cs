using System.Text.Json.Nodes;

namespace Roundup.Testing.Llm;

/// <summary>
/// Ollama's chat API (<c>POST /api/chat</c>) on 127.0.0.1: one JSON object when the request says
/// <c>"stream": false</c>, otherwise NDJSON, a line per piece of the answer and a last line with <c>done</c> and the
/// token counts. Errors come as Ollama sends them: <c>{"error": "..."}</c> with the reply's status.
/// </summary>
public sealed class FakeOllamaServer : IAsyncDisposable
{
    private static readonly DateTimeOffset Created = new(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private readonly LoopbackProtocolServer _server;

    public FakeOllamaServer(Func<ProtocolCall, ChatReply> handler) =>
        _server = new LoopbackProtocolServer(call => Answer(call, handler));

    /// <summary>The server to configure: <c>http://127.0.0.1:port/</c>.</summary>
    public string Endpoint => _server.BaseUri.ToString();

    public IReadOnlyList<ProtocolCall> Calls => _server.Calls;

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static ProtocolAnswer Answer(ProtocolCall call, Func<ProtocolCall, ChatReply> handler)
    {
        if (call.Method != "POST" || call.Path != "/api/chat")
        {
            return Error(404, $"FakeOllamaServer: nothing at {call.Method} {call.Path}");
        }

        var reply = handler(call);
        if (reply.Status != 200)
        {
            return Error(reply.Status, reply.Content) with { Delay = reply.Delay, Headers = reply.Headers };
        }

        var model = call.Model ?? "test-model";

        // Ollama streams unless told not to.
        if (!call.Streams(absent: true))
        {
            return ProtocolAnswer.Json(Done(model, reply, reply.Content).ToJsonString()) with { Delay = reply.Delay, Headers = reply.Headers };
        }

        List<string> lines = [.. Pieces(reply.Content).Select(piece => Line(model, piece).ToJsonString() + "\n")];
        lines.Add(Done(model, reply, "").ToJsonString() + "\n");
        return new ProtocolAnswer(200, "application/x-ndjson", lines) { Delay = reply.Delay, Headers = reply.Headers };
    }

    /// <summary>The answer cut into a few pieces at spaces, as a model streams it.</summary>
    public static IEnumerable<string> Pieces(string content)
    {
        var start = 0;
        for (var i = 1; i < content.Length; i++)
        {
            if (content[i] == ' ')
            {
                yield return content[start..i];
                start = i;
            }
        }

        if (start < content.Length)
        {
            yield return content[start..];
        }
    }

    private static JsonObject Line(string model, string content) => new()
    {
        ["model"] = model,
        ["created_at"] = Created.ToString("O"),
        ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
        ["done"] = false,
    };

    private static JsonObject Done(string model, ChatReply reply, string content)
    {
        var line = Line(model, content);
        line["done"] = true;
        line["done_reason"] = "stop";
        line["total_duration"] = 1_200_000;
        line["load_duration"] = 100_000;
        line["prompt_eval_count"] = reply.PromptTokens;
        line["prompt_eval_duration"] = 300_000;
        line["eval_count"] = reply.CompletionTokens;
        line["eval_duration"] = 800_000;
        return line;
    }

    private static ProtocolAnswer Error(int status, string message) =>
        ProtocolAnswer.Json(new JsonObject { ["error"] = message }.ToJsonString(), status);
}
