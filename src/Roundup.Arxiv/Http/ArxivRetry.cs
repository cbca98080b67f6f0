using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Roundup.Arxiv.Http;

/// <summary>The retry strategy: which answers are worth another try, and how long to wait before it.</summary>
internal static class ArxivRetry
{
    public static readonly ResiliencePropertyKey<Uri> UrlKey = new("Roundup.Arxiv.Http.Url");

    public static ResiliencePipeline<HttpResponseMessage> Build(ArxivHttpOptions options, TimeProvider time, ILogger logger)
    {
        if (options.MaxRetries == 0)
        {
            return ResiliencePipeline<HttpResponseMessage>.Empty;
        }

        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    DelayBefore(args.AttemptNumber, args.Outcome.Result, options, time)),
                OnRetry = args =>
                {
                    var url = args.Context.Properties.TryGetValue(UrlKey, out var u) ? u : null;
                    var answer = args.Outcome.Result is { } r
                        ? $"{(int)r.StatusCode} {r.ReasonPhrase}"
                        : $"{args.Outcome.Exception?.GetType().Name}: {args.Outcome.Exception?.Message}";
                    logger.LogWarning(
                        "GET {Url} answered {Answer}; retry {Retry} of {MaxRetries} in {DelaySeconds:0.#} s",
                        url, answer, args.AttemptNumber + 1, options.MaxRetries, args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: ArxivHttpException } => false,
        // A host that does not resolve is no network or a wrong URL: waiting will not help, so fail at once.
        { Exception: HttpRequestException { InnerException: System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.HostNotFound or System.Net.Sockets.SocketError.NoData } } } => false,
        { Exception: HttpRequestException or TimeoutException or IOException } => true,
        { Result: { } response } => IsTransientStatus(response.StatusCode),
        _ => false,
    };

    public static bool IsTransientStatus(HttpStatusCode status) => status is HttpStatusCode.TooManyRequests
        or HttpStatusCode.InternalServerError
        or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable
        or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// Retry-After when the server sends one; otherwise base × 2^retry with up to 50 % jitter. arXiv's 429s carry no
    /// Retry-After, so the fallback has to be long on its own. Both are capped at the configured maximum.
    /// </summary>
    public static TimeSpan DelayBefore(int retryIndex, HttpResponseMessage? response, ArxivHttpOptions options, TimeProvider time)
    {
        var maxSeconds = options.BackoffMaxSeconds;
        if (RetryAfter(response, time) is { } asked)
        {
            return TimeSpan.FromSeconds(Math.Min(asked.TotalSeconds, maxSeconds));
        }

        var jitter = 1 + (RandomNumberGenerator.GetInt32(0, 501) / 1000.0);
        var seconds = options.BackoffBaseSeconds * Math.Pow(2, Math.Min(retryIndex, 30)) * jitter;
        return TimeSpan.FromSeconds(Math.Min(seconds, maxSeconds));
    }

    /// <summary>The wait a Retry-After header asks for (delta seconds or an HTTP date), or null without one.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider time)
    {
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
