using System.Net;

namespace Roundup.Llm.Providers;

/// <summary>
/// An error answer from an LLM endpoint as <see cref="ErrorResponseCapture"/> saw it: the status, the wait the
/// endpoint asked for and what it said, which the Ollama and Anthropic clients' own exceptions do not keep.
/// </summary>
public sealed class ProviderHttpException : HttpRequestException
{
    public ProviderHttpException(HttpStatusCode status, string? retryAfter, string? retryAfterMs, string detail)
        : base($"HTTP {(int)status}: {detail}", null, status)
    {
        RetryAfterHeader = retryAfter;
        RetryAfterMsHeader = retryAfterMs;
        Detail = detail;
    }

    public ProviderHttpException()
        : this(HttpStatusCode.InternalServerError, null, null, "")
    {
    }

    public ProviderHttpException(string message)
        : base(message)
    {
        Detail = message;
    }

    public ProviderHttpException(string message, Exception innerException)
        : base(message, innerException)
    {
        Detail = message;
    }

    /// <summary>The <c>Retry-After</c> header as sent (seconds or an HTTP date), or null.</summary>
    public string? RetryAfterHeader { get; }

    /// <summary>The <c>retry-after-ms</c> header as sent, or null.</summary>
    public string? RetryAfterMsHeader { get; }

    /// <summary>What the endpoint said: the error message of a JSON error body, else the body's text; cleaned and short.</summary>
    public string Detail { get; } = "";
}
