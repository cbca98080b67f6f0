using System.Net;
using System.Text;
using Roundup.Testing.Http;

namespace Roundup.Testing.Llm;

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port for the LLM provider fakes: keeps every request (headers and
/// body) and answers from a function, writing the answer's parts one by one so that streaming clients see a stream.
/// </summary>
public sealed class LoopbackProtocolServer : IAsyncDisposable
{
    private readonly LoopbackListener _listener;
    private readonly Func<ProtocolCall, ProtocolAnswer> _answer;
    private readonly Lock _lock = new();
    private readonly List<ProtocolCall> _calls = [];

    public LoopbackProtocolServer(Func<ProtocolCall, ProtocolAnswer> answer)
    {
        _answer = answer;
        _listener = new LoopbackListener(AnswerAsync);
    }

    /// <summary>Like <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri => _listener.BaseUri;

    public IReadOnlyList<ProtocolCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync(_listener.Stopping);
            }

            ProtocolCall call;
            lock (_lock)
            {
                call = new ProtocolCall(_calls.Count, context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "/", new(context.Request.Headers), body);
                _calls.Add(call);
            }

            ProtocolAnswer answer;
            try
            {
                answer = _answer(call);
            }
            catch (Exception e)
            {
                answer = ProtocolAnswer.Text(500, $"LoopbackProtocolServer: the answer function threw {e}");
            }

            if (answer.Delay > TimeSpan.Zero)
            {
                await Task.Delay(answer.Delay, _listener.Stopping);
            }

            response.StatusCode = answer.Status;
            response.ContentType = answer.ContentType;
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>())
            {
                response.AddHeader(name, value);
            }

            var parts = answer.Parts.Select(Encoding.UTF8.GetBytes).ToList();
            if (parts.Count == 1)
            {
                response.ContentLength64 = parts[0].Length;
            }
            else
            {
                response.SendChunked = true;
            }

            foreach (var part in parts)
            {
                await response.OutputStream.WriteAsync(part, _listener.Stopping);
                await response.OutputStream.FlushAsync(_listener.Stopping);
            }

            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client gave up (a timeout under test) or the server is stopping.
            try
            {
                response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }
}
