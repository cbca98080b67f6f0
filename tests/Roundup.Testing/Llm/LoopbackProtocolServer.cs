using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Roundup.Testing.Llm;

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port for the LLM provider fakes: keeps every request (headers and
/// body) and answers from a function, writing the answer's parts one by one so that streaming clients see a stream.
/// </summary>
public sealed class LoopbackProtocolServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<ProtocolCall, ProtocolAnswer> _answer;
    private readonly Lock _lock = new();
    private readonly List<ProtocolCall> _calls = [];
    private readonly List<Task> _inFlight = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;

    public LoopbackProtocolServer(Func<ProtocolCall, ProtocolAnswer> answer)
    {
        _answer = answer;
        (_listener, BaseUri) = Listen();
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Like <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

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
                await Task.Delay(answer.Delay, _stopping.Token);
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
                await response.OutputStream.WriteAsync(part, _stopping.Token);
                await response.OutputStream.FlushAsync(_stopping.Token);
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
