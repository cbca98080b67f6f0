using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace Roundup.Testing.Http;

/// <summary>One canned answer of a <see cref="ReplayServer"/>: status, headers, body, and how to deliver it.</summary>
public sealed record Reply
{
    public int Status { get; init; } = 200;

    public byte[] Body { get; init; } = [];

    public string? ContentType { get; init; }

    /// <summary>Extra response headers (Retry-After, ETag, Last-Modified...).</summary>
    public ImmutableDictionary<string, string> Headers { get; init; } =
        ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>Real time the server waits before answering (keep it well under a second in tests).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>Send the body with chunked transfer encoding, so no Content-Length announces its size.</summary>
    public bool Chunked { get; init; }

    /// <summary>Gzip the body on the wire and say so in Content-Encoding.</summary>
    public bool Gzipped { get; init; }

    /// <summary>When set, announce the full length but cut the connection after this many bytes.</summary>
    public int? CutAfterBytes { get; init; }

    public static Reply Text(string text, string contentType = "text/plain; charset=utf-8") =>
        new() { Body = Encoding.UTF8.GetBytes(text), ContentType = contentType };

    public static Reply Xml(string xml) => Text(xml, "application/xml; charset=utf-8");

    public static Reply Atom(string xml) => Text(xml, "application/atom+xml; charset=utf-8");

    public static Reply Html(string html) => Text(html, "text/html; charset=utf-8");

    public static Reply Bytes(byte[] body, string contentType = "application/octet-stream") =>
        new() { Body = body, ContentType = contentType };

    /// <summary>The contents of a file, typed by its extension.</summary>
    public static Reply File(string path, string? contentType = null) =>
        Bytes(System.IO.File.ReadAllBytes(path), contentType ?? ContentTypes.ForFile(path));

    /// <summary>A bare status with an optional short text body, e.g. <c>Reply.Status(503, "Rate exceeded.")</c>.</summary>
    public static Reply WithStatus(int status, string? body = null) =>
        body is null ? new Reply { Status = status } : Text(body) with { Status = status };

    public static Reply NotModified() => new() { Status = 304 };

    public static Reply NotFound(string? body = null) => WithStatus(404, body);

    public static Reply TooManyRequests(int? retryAfterSeconds = null) => Throttle(429, "Rate exceeded.", retryAfterSeconds);

    public static Reply ServiceUnavailable(int? retryAfterSeconds = null) => Throttle(503, "Service Unavailable", retryAfterSeconds);

    public Reply WithHeader(string name, string value) => this with { Headers = Headers.SetItem(name, value) };

    public Reply WithRetryAfter(int seconds) => WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));

    public Reply WithRetryAfter(DateTimeOffset date) => WithHeader("Retry-After", date.ToString("r", CultureInfo.InvariantCulture));

    public Reply WithETag(string etag) => WithHeader("ETag", etag);

    public Reply WithLastModified(DateTimeOffset date) => WithHeader("Last-Modified", date.ToString("r", CultureInfo.InvariantCulture));

    public Reply WithDelay(TimeSpan delay) => this with { Delay = delay };

    public Reply AsChunked() => this with { Chunked = true };

    public Reply AsGzip() => this with { Gzipped = true };

    public Reply CutAfter(int bytes) => this with { CutAfterBytes = bytes };

    private static Reply Throttle(int status, string text, int? retryAfterSeconds)
    {
        var reply = WithStatus(status, text);
        return retryAfterSeconds is { } seconds ? reply.WithRetryAfter(seconds) : reply;
    }
}
