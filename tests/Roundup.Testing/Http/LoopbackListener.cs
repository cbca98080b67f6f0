using System.Net;
using System.Net.Sockets;

namespace Roundup.Testing.Http;

/// <summary>
/// An <see cref="HttpListener"/> on 127.0.0.1 and a free port that hands each request to a handler on its own task,
/// and on dispose stops accepting, cancels <see cref="Stopping"/> and waits for the requests in flight. The test
/// servers (<see cref="ReplayServer"/>, the LLM fakes' LoopbackProtocolServer) answer through it.
/// </summary>
public sealed class LoopbackListener : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly Lock _lock = new();
    private readonly List<Task> _inFlight = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _acceptLoop;

    public LoopbackListener(Func<HttpListenerContext, Task> handle)
    {
        _handle = handle;
        (_listener, BaseUri) = Listen();
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>Like <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri { get; }

    /// <summary>Cancelled when the listener is disposed: handlers stop waiting and writing.</summary>
    public CancellationToken Stopping => _stopping.Token;

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
                // The port was taken between probing and binding; try another.
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

            var handling = Task.Run(() => _handle(context));
            lock (_lock)
            {
                _inFlight.RemoveAll(t => t.IsCompleted);
                _inFlight.Add(handling);
            }
        }
    }
}
