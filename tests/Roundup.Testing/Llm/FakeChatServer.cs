using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Roundup.Testing.Llm;

/// <summary>
/// An OpenAI-compatible chat-completions endpoint on 127.0.0.1 and a free port, answering from a handler and keeping
/// every request body (the shared ReplayServer records headers only).
/// </summary>
public sealed class FakeChatServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<ChatCall, ChatReply> _handler;
    private readonly Lock _lock = new();
    private readonly List<ChatCall> _calls = [];
    private readonly List<Task> _inFlight = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;

    public FakeChatServer(Func<ChatCall, ChatReply> handler)
    {
        _handler = handler;
        (_listener, BaseUri) = Listen();
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    public Uri BaseUri { get; }

    /// <summary>The API base to configure: <c>http://127.0.0.1:port/v1</c>.</summary>
    public string Endpoint => new Uri(BaseUri, "v1").ToString();

    public IReadOnlyList<ChatCall> Calls
    {
        get
        {
            lock (_lock)
            {
                return [.. _calls];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync();
        _listener.Close();
        await _acceptLoop;
        Task[] inFlight;
        lock (_lock)
        {
            inFlight = [.. _inFlight];
        }

        await Task.WhenAll(inFlight);
        _stopping.Dispose();
    }

    private static (HttpListener Listener, Uri BaseUri) Listen()
    {
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var prefix = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener { IgnoreWriteExceptions = true };
            listener.Prefixes.Add(prefix);
            try
            {
                listener.Start();
                return (listener, new Uri(prefix));
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var handling = Task.Run(() => AnswerAsync(context));
            lock (_lock)
            {
                _inFlight.RemoveAll(t => t.IsCompleted);
                _inFlight.Add(handling);
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync(_stopping.Token);
            }

            ChatCall call;
            ChatReply reply;
            lock (_lock)
            {
                call = new ChatCall(_calls.Count, context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? "/", body);
                _calls.Add(call);
            }

            if (call.Method != "POST" || call.Path != "/v1/chat/completions")
            {
                reply = new ChatReply { Status = 404, Content = $"FakeChatServer: nothing at {call.Method} {call.Path}" };
            }
            else
            {
                try
                {
                    reply = _handler(call);
                }
                catch (Exception e)
                {
                    reply = new ChatReply { Status = 500, Content = $"FakeChatServer: the handler threw {e}" };
                }
            }

            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, _stopping.Token);
            }

            var text = reply.Status == 200 ? reply.CompletionJson(call.Model ?? "test-model") : reply.Content;
            var bytes = Encoding.UTF8.GetBytes(text);
            response.StatusCode = reply.Status;
            response.ContentType = reply.Status == 200 ? "application/json" : "text/plain; charset=utf-8";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes, _stopping.Token);
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
