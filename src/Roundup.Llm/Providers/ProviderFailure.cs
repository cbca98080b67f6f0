using System.ClientModel;
using System.Globalization;
using Anthropic.Exceptions;

namespace Roundup.Llm.Providers;

/// <summary>
/// What the providers' clients throw when the endpoint answers with an error status, read the same way for all:
/// the OpenAI client's <see cref="ClientResultException"/> (status and headers), the Anthropic SDK's
/// <see cref="AnthropicApiException"/> and OllamaSharp's <see cref="HttpRequestException"/> (status only), and the
/// <see cref="ProviderHttpException"/> (status, headers and error text) that Ollama's and Anthropic's HTTP clients throw
/// through <see cref="ErrorResponseCapture"/>.
/// </summary>
public static class ProviderFailure
{
    private const int MaxDepth = 8;

    /// <summary>The HTTP status the endpoint answered with, or null when the failure was no answer (a timeout, a network error …).</summary>
    public static int? Status(Exception failure)
    {
        foreach (var e in Chain(failure))
        {
            switch (e)
            {
                case ClientResultException { Status: > 0 } openAi:
                    return openAi.Status;
                case AnthropicApiException anthropic:
                    return (int)anthropic.StatusCode;
                case HttpRequestException { StatusCode: { } status }:
                    return (int)status;
            }
        }

        return null;
    }

    /// <summary>
    /// 401, 403 or 404: a wrong key, a model the key may not use, a wrong model name or endpoint. Every request would
    /// fail alike, so asking again cannot help.
    /// </summary>
    public static bool IsRefusal(Exception failure) => Status(failure) is 401 or 403 or 404;

    /// <summary>429: asked too often; worth asking again after <see cref="RetryAfter"/>.</summary>
    public static bool IsRateLimit(Exception failure) => Status(failure) == 429;

    /// <summary>
    /// How long the endpoint asked to be left alone (<c>retry-after-ms</c> or <c>Retry-After</c> in seconds or as a
    /// date), or null when it did not say: read from the OpenAI client's raw response, or from the
    /// <see cref="ProviderHttpException"/> that <see cref="ErrorResponseCapture"/> throws for Ollama and Anthropic.
    /// </summary>
    public static TimeSpan? RetryAfter(Exception failure, TimeProvider? time = null)
    {
        foreach (var e in Chain(failure))
        {
            switch (e)
            {
                case ProviderHttpException captured:
                    return RetryAfter(captured.RetryAfterMsHeader, captured.RetryAfterHeader, time);
                case ClientResultException openAi when openAi.GetRawResponse() is { } response:
                    response.Headers.TryGetValue("retry-after-ms", out var ms);
                    response.Headers.TryGetValue("Retry-After", out var value);
                    return RetryAfter(ms, value, time);
            }
        }

        return null;
    }

    /// <summary>
    /// What the endpoint said about the failure, cleaned and at most <see cref="ErrorResponseCapture.MaxDetailLength"/>
    /// characters: the error text of its answer (captured for Ollama and Anthropic, the raw response for the OpenAI
    /// client), else the exception's message.
    /// </summary>
    public static string Detail(Exception failure)
    {
        foreach (var e in Chain(failure))
        {
            switch (e)
            {
                case ProviderHttpException captured:
                    return captured.Detail;
                case ClientResultException openAi when BodyOf(openAi) is { Length: > 0 } body:
                    return ErrorResponseCapture.Excerpt(body);
            }
        }

        return ErrorResponseCapture.Excerpt(failure.Message);
    }

    private static string? BodyOf(ClientResultException failure)
    {
        try
        {
            return failure.GetRawResponse()?.Content?.ToString();
        }
        catch (InvalidOperationException)
        {
            // The body was streamed, not buffered: nothing left to read.
            return null;
        }
    }

    private static TimeSpan? RetryAfter(string? ms, string? value, TimeProvider? time)
    {
        if (double.TryParse(ms, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromTicks(Math.Max(0, (at - (time ?? TimeProvider.System).GetUtcNow()).Ticks))
            : null;
    }

    private static IEnumerable<Exception> Chain(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        var depth = 0;
        for (var e = failure; e is not null && depth < MaxDepth; e = e.InnerException, depth++)
        {
            yield return e;
        }
    }
}
