using System.Collections.Immutable;
using System.IO.Compression;
using System.Net;

namespace Roundup.Testing.Http;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 and a free port that answers from a script: queues of canned replies per
/// path-and-query (or predicate), handlers, and folders of recorded files. Every request is recorded.
/// Order of resolution: queued replies (first matching route whose queue is not empty), then handlers, then folders,
/// then <see cref="Fallback"/> (404 naming the request).
/// </summary>
public sealed class ReplayServer : IAsyncDisposable
{
    private readonly LoopbackListener _listener;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly List<ReplayRoute> _routes = [];
    private readonly List<Func<RecordedRequest, Reply?>> _handlers = [];
    private readonly List<(string Prefix, string Folder)> _folders = [];
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<RecordedRequest> _unmatched = [];

    /// <param name="time">Stamps <see cref="RecordedRequest.ArrivedAt"/>; pass the client's fake clock to compare spacing.</param>
    public ReplayServer(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _listener = new LoopbackListener(AnswerAsync);
    }

    /// <summary>Like <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUri => _listener.BaseUri;

    /// <summary>Answer given when nothing in the script matches; 404 naming the request by default.</summary>
    public Func<RecordedRequest, Reply> Fallback { get; set; } =
        request => Reply.NotFound($"ReplayServer: nothing scripted for {request.Method} {request.PathAndQuery}");

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Requests that nothing in the script answered (they got <see cref="Fallback"/>).</summary>
    public IReadOnlyList<RecordedRequest> Unmatched
    {
        get
        {
            lock (_lock)
            {
                return [.. _unmatched];
            }
        }
    }

    /// <summary>Queued replies not yet given, per route; empty when the script has been played out.</summary>
    public IReadOnlyList<string> PendingReplies
    {
        get
        {
            lock (_lock)
            {
                return [.. _routes.Where(r => r.Replies.Count > 0).Select(r => $"{r.Description}: {r.Replies.Count} left")];
            }
        }
    }

    /// <summary>The absolute URL of <paramref name="pathAndQuery"/> on this server.</summary>
    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    /// <summary>Queues <paramref name="replies"/>, given one per request to exactly this path and query.</summary>
    public ReplayServer Enqueue(string pathAndQuery, params Reply[] replies) =>
        Enqueue(pathAndQuery, ReplayRoute.ForPathAndQuery(pathAndQuery), replies);

    /// <summary>Queues <paramref name="replies"/>, given one per request that <paramref name="matches"/> accepts.</summary>
    public ReplayServer Enqueue(Func<RecordedRequest, bool> matches, params Reply[] replies) =>
        Enqueue("predicate", matches, replies);

    /// <summary>A handler consulted for every request the queues did not answer; return null to pass.</summary>
    public ReplayServer Map(Func<RecordedRequest, Reply?> handler)
    {
        lock (_lock)
        {
            _handlers.Add(handler);
        }

        return this;
    }

    /// <summary>Answers every request to this path and query with the same reply, as often as asked.</summary>
    public ReplayServer Always(string pathAndQuery, Reply reply)
    {
        var matches = ReplayRoute.ForPathAndQuery(pathAndQuery);
        return Map(request => matches(request) ? reply : null);
    }

    /// <summary>Serves files under <paramref name="folder"/> at paths under <paramref name="urlPrefix"/> (query ignored).</summary>
    public ReplayServer ServeFolder(string folder, string urlPrefix = "/")
    {
        var prefix = "/" + urlPrefix.Trim('/');
        lock (_lock)
        {
            _folders.Add((prefix == "/" ? "/" : prefix + "/", Path.GetFullPath(folder)));
        }

        return this;
    }

    public ValueTask DisposeAsync() => _listener.DisposeAsync();

    private ReplayServer Enqueue(string description, Func<RecordedRequest, bool> matches, Reply[] replies)
    {
        var route = new ReplayRoute(description, matches);
        foreach (var reply in replies)
        {
            route.Replies.Enqueue(reply);
        }

        lock (_lock)
        {
            _routes.Add(route);
        }

        return this;
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = Record(context.Request);
        Reply reply;
        try
        {
            reply = Resolve(request);
        }
        catch (Exception e)
        {
            reply = Reply.WithStatus(500, $"ReplayServer: the script threw {e}");
        }

        var response = context.Response;
        try
        {
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay, _listener.Stopping);
            }

            await WriteAsync(response, reply, request.Method == "HEAD");
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The client went away (a time-out under test) or the server is stopping.
            Abort(response);
        }
    }

    private RecordedRequest Record(HttpListenerRequest request)
    {
        var headers = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in request.Headers.AllKeys.OfType<string>())
        {
            headers[name] = request.Headers[name] ?? "";
        }

        var recorded = new RecordedRequest(request.HttpMethod, request.RawUrl ?? "/", headers.ToImmutable(), _time.GetUtcNow());
        lock (_lock)
        {
            _requests.Add(recorded);
        }

        return recorded;
    }

    private Reply Resolve(RecordedRequest request)
    {
        lock (_lock)
        {
            foreach (var route in _routes)
            {
                if (route.Replies.Count > 0 && route.Matches(request))
                {
                    return route.Replies.Dequeue();
                }
            }

            foreach (var handler in _handlers)
            {
                if (handler(request) is { } reply)
                {
                    return reply;
                }
            }

            foreach (var (prefix, folder) in _folders)
            {
                if (FromFolder(request, prefix, folder) is { } reply)
                {
                    return reply;
                }
            }

            _unmatched.Add(request);
            return Fallback(request);
        }
    }

    private static Reply? FromFolder(RecordedRequest request, string prefix, string folder)
    {
        var path = request.Path;
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var file = Path.GetFullPath(Path.Combine(folder, path[prefix.Length..]));
        var inside = file.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        return inside && File.Exists(file) ? Reply.File(file) : null;
    }

    private static async Task WriteAsync(HttpListenerResponse response, Reply reply, bool headOnly)
    {
        response.StatusCode = reply.Status;
        response.KeepAlive = true;
        if (reply.ContentType is not null)
        {
            response.ContentType = reply.ContentType;
        }

        foreach (var (name, value) in reply.Headers)
        {
            response.AddHeader(name, value);
        }

        var body = reply.Gzipped ? Gzip(reply.Body) : reply.Body;
        if (reply.Gzipped)
        {
            response.AddHeader("Content-Encoding", "gzip");
        }

        if (reply.Status is 204 or 304 || headOnly)
        {
            response.Close();
            return;
        }

        if (reply.Chunked)
        {
            response.SendChunked = true;
        }
        else
        {
            response.ContentLength64 = body.Length;
        }

        var output = response.OutputStream;
        var toSend = reply.CutAfterBytes is { } cut ? Math.Min(cut, body.Length) : body.Length;
        const int Piece = 16 * 1024;
        for (var offset = 0; offset < toSend; offset += Piece)
        {
            await output.WriteAsync(body.AsMemory(offset, Math.Min(Piece, toSend - offset)));
            await output.FlushAsync();
        }

        if (reply.CutAfterBytes is not null)
        {
            response.Abort();
            return;
        }

        response.Close();
    }

    private static byte[] Gzip(byte[] body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return buffer.ToArray();
    }

    private static void Abort(HttpListenerResponse response)
    {
        try
        {
            response.Abort();
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }
    }
}
