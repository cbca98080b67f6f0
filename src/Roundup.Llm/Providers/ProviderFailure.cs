using System.ClientModel;
using System.Globalization;
using Anthropic.Exceptions;

namespace Roundup.Llm.Providers;

/// <summary>
/// What the providers' clients throw when the endpoint answers with an error status, read the same way for all:
/// the OpenAI client's <see cref="ClientResultException"/> (status and headers), the Anthropic SDK's
/// <see cref="AnthropicApiException"/> (status only) and OllamaSharp's <see cref="HttpRequestException"/> (status only).
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
    /// date), or null when it did not say or the client does not show the headers (only the OpenAI client does).
    /// </summary>
    public static TimeSpan? RetryAfter(Exception failure, TimeProvider? time = null)
    {
        var response = Chain(failure).OfType<ClientResultException>().Select(e => e.GetRawResponse()).FirstOrDefault(r => r is not null);
        if (response is null)
        {
            return null;
        }

        if (response.Headers.TryGetValue("retry-after-ms", out var ms)
            && double.TryParse(ms, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value))
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
