using Roundup.Arxiv.Http;
using Roundup.Testing.Http;

namespace Roundup.Arxiv.Tests.Http;

/// <summary>Clients wired for tests: a contact, no cache unless given a folder, short real time-outs.</summary>
internal static class TestClients
{
    public static ArxivHttpOptions Options(string? cacheDirectory = null) => new()
    {
        Contact = "roundup-tests@example.org",
        MinIntervalSeconds = 3,
        MaxRetries = 3,
        BackoffBaseSeconds = 10,
        BackoffMaxSeconds = 600,
        TimeoutSeconds = 10,
        CacheDirectory = cacheDirectory,
    };

    public static ArxivHttpClient Create(
        ArxivHttpOptions options, TimeProvider time, RecordingLogger<ArxivHttpClient>? logger = null, HttpMessageHandler? handler = null) =>
        new(options, time, logger ?? new RecordingLogger<ArxivHttpClient>(), handler);

    /// <summary>Gaps between consecutive arrivals, by the clock the server was given.</summary>
    public static TimeSpan[] Gaps(IReadOnlyList<RecordedRequest> requests) =>
        [.. requests.Zip(requests.Skip(1), (a, b) => b.ArrivedAt - a.ArrivedAt)];
}
