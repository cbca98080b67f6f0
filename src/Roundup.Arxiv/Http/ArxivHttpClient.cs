using System.Net;
using Microsoft.Extensions.Logging;
using Polly;

namespace Roundup.Arxiv.Http;

/// <summary>
/// The one HTTP client for arXiv: one connection, one request at a time, spaced by <see cref="ArxivHttpOptions.SpacingFor"/>,
/// retried through a Polly pipeline, bodies bounded in size, answers cached on disk.
/// </summary>
public sealed class ArxivHttpClient : IArxivHttp, IDisposable
{
    private readonly ArxivHttpOptions _options;
    private readonly ILogger<ArxivHttpClient> _logger;
    private readonly SocketsHttpHandler? _ownHandler;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly DiskResponseCache? _cache;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly IRequestSpacing _spacing;
    private bool _disposed;

    /// <param name="options">Checked with <see cref="ArxivHttpOptions.EnsureValid"/>: invalid options throw here.</param>
    /// <param name="time">Times the spacing, the retry delays and the cache's ages (per-attempt time-outs use real time).</param>
    /// <param name="logger">Receives a warning for each retry.</param>
    /// <param name="handler">For tests; stays the caller's to dispose. Null: a SocketsHttpHandler with one connection per server and gzip/deflate.</param>
    /// <param name="spacing">Whose turn it is: null keeps this process's own spacing; workers share one in their database.</param>
    public ArxivHttpClient(ArxivHttpOptions options, TimeProvider time, ILogger<ArxivHttpClient> logger, HttpMessageHandler? handler = null, IRequestSpacing? spacing = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        options.EnsureValid();
        _options = options;
        _logger = logger;
        _spacing = spacing ?? new LocalRequestSpacing(time);
        _ownHandler = handler is null ? CreateHandler() : null;
        _http = new HttpClient(handler ?? _ownHandler!, disposeHandler: false);

        // Each attempt has its own time limit; HttpClient's would cut across retries.
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent.For(options.Contact));
        _pipeline = ArxivRetry.Build(options, time, logger);
        if (!string.IsNullOrWhiteSpace(options.CacheDirectory))
        {
            _cache = new DiskResponseCache(options.CacheDirectory, time, TimeSpan.FromHours(options.CacheHours));
        }
    }

    /// <summary>
    /// Times each attempt's time-out: real time, since a time-out is about the wire and a test clock that fires timers
    /// at once would cut every request short. A test that times out an attempt gives a clock it moves itself.
    /// </summary>
    internal TimeProvider TimeoutClock { get; init; } = TimeProvider.System;

    /// <summary>The cache in use, or null when <see cref="ArxivHttpOptions.CacheDirectory"/> is empty.</summary>
    public DiskResponseCache? Cache => _cache;

    public string UserAgentHeader => UserAgent.For(_options.Contact);

    public async Task<ArxivResponse> GetAsync(Uri url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!url.IsAbsoluteUri)
        {
            throw new ArgumentException($"an absolute URL is needed, got \"{url}\"", nameof(url));
        }

        var cached = await LookUpAsync(url, cancellationToken);
        if (cached is not null && _cache!.IsFresh(cached))
        {
            return cached.ToResponse();
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have fetched it while this one waited its turn.
            cached = await LookUpAsync(url, cancellationToken);
            if (cached is not null && _cache!.IsFresh(cached))
            {
                return cached.ToResponse();
            }

            return await FetchAsync(url, cached is { CanRevalidate: true } ? cached : null, cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Forget(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            _cache?.Forget(url);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "could not remove the cached answer for {Url}", url);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _http.Dispose();
        _ownHandler?.Dispose();
        _gate.Dispose();
    }

    private static SocketsHttpHandler CreateHandler() => new()
    {
        MaxConnectionsPerServer = 1,
        AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
    };

    private async Task<CachedResponse?> LookUpAsync(Uri url, CancellationToken cancellationToken) =>
        _cache is null ? null : await _cache.TryGetAsync(url, cancellationToken);

    private async Task<ArxivResponse> FetchAsync(Uri url, CachedResponse? stale, CancellationToken cancellationToken)
    {
        var exchange = new Exchange(url, stale);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ArxivRetry.UrlKey, url);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static (ctx, state) => state.Client.AttemptAsync(state.Exchange, ctx.CancellationToken),
                context,
                (Client: this, Exchange: exchange));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException)
        {
            throw new ArxivHttpException(url, exchange.Attempts, exchange.LastStatus, $"no usable answer: {e.Message}", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        using (response)
        {
            return await ConcludeAsync(exchange, response, cancellationToken);
        }
    }

    private async ValueTask<HttpResponseMessage> AttemptAsync(Exchange exchange, CancellationToken cancellationToken)
    {
        await WaitForTurnAsync(exchange.Url, cancellationToken);
        exchange.Attempts++;
        exchange.LastStatus = null;
        using var request = new HttpRequestMessage(HttpMethod.Get, exchange.Url);
        if (exchange.Stale is { } stale)
        {
            AddValidators(request, stale);
        }

        // Real time unless a test says otherwise (TimeoutClock), not the TimeProvider of the spacing and the retries.
        using var timeLimit = new CancellationTokenSource(TimeSpan.FromSeconds(_options.TimeoutSeconds), TimeoutClock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeLimit.Token);
        HttpResponseMessage? response = null;
        try
        {
            response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            exchange.LastStatus = (int)response.StatusCode;
            await BoundedBody.BufferAsync(response, exchange.Url, exchange.Attempts, _options.MaxResponseBytes, timeout.Token);
            return response;
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            response?.Dispose();
            throw new TimeoutException($"no complete answer within {_options.TimeoutSeconds:0.###} s", e);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }

    /// <summary>Waits until the previous request's start plus the spacing for this host (by <see cref="IRequestSpacing"/>).</summary>
    private Task WaitForTurnAsync(Uri url, CancellationToken cancellationToken) =>
        _spacing.WaitForTurnAsync(url, _options.SpacingFor(url), cancellationToken);

    private static void AddValidators(HttpRequestMessage request, CachedResponse stale)
    {
        if (!string.IsNullOrEmpty(stale.ETag))
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", stale.ETag);
        }

        if (!string.IsNullOrEmpty(stale.LastModified))
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", stale.LastModified);
        }
    }

    private async Task<ArxivResponse> ConcludeAsync(Exchange exchange, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var url = exchange.Url;
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotModified && exchange.Stale is { } stale)
        {
            var refreshed = await TryCacheAsync(() => _cache!.RefreshAsync(
                stale, RawHeader(response, "ETag"), RawHeader(response, "Last-Modified"), cancellationToken));
            return (refreshed ?? stale).ToResponse();
        }

        if (response.IsSuccessStatusCode)
        {
            var contentType = response.Content.Headers.ContentType?.ToString();
            if (response.StatusCode == HttpStatusCode.OK && _cache is not null)
            {
                await TryCacheAsync(() => _cache.StoreAsync(
                    url, body, contentType, RawHeader(response, "ETag"), RawHeader(response, "Last-Modified"), cancellationToken));
            }

            return new ArxivResponse(url, status, contentType, body, FromCache: false);
        }

        var why = ArxivRetry.IsTransientStatus(response.StatusCode)
            ? $"still refused after {_options.MaxRetries} retr{(_options.MaxRetries == 1 ? "y" : "ies")}"
            : "a permanent error, not retried";
        throw new ArxivHttpException(url, exchange.Attempts, status, $"the last answer was {Describe(response, body)} ({why})");
    }

    private async Task<CachedResponse?> TryCacheAsync(Func<Task<CachedResponse>> write)
    {
        try
        {
            return await write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "could not write the HTTP cache under {Directory}", _cache?.Directory);
            return null;
        }
    }

    /// <summary>A validator exactly as the server wrote it, to be sent back unchanged.</summary>
    private static string? RawHeader(HttpResponseMessage response, string name) =>
        response.Headers.NonValidated.TryGetValues(name, out var values) ||
        response.Content.Headers.NonValidated.TryGetValues(name, out values)
            ? values.ToString()
            : null;

    private static string Describe(HttpResponseMessage response, byte[] body)
    {
        var text = $"{(int)response.StatusCode} {response.ReasonPhrase}";
        if (response.Headers.RetryAfter is { } retryAfter)
        {
            text += $", Retry-After: {retryAfter}";
        }

        var snippet = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).ReplaceLineEndings(" ").Trim();
        return snippet.Length == 0 ? text : $"{text}: \"{snippet}\"";
    }
}
