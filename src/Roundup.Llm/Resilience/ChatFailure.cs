using System.Globalization;
using Polly.Timeout;
using Roundup.Llm.Providers;
using Roundup.Llm.Scoring;

namespace Roundup.Llm.Resilience;

/// <summary>How <see cref="ResilientChatClient"/> reads a failed attempt: worth another, after what wait, and in what words.</summary>
internal static class ChatFailure
{
    public static bool IsRefusal(Exception failure) => ProviderFailure.IsRefusal(failure);

    /// <summary>
    /// The endpoint, or the way to it, failed: an error status other than a refusal, no answer in time, a network
    /// error. Not so a failure of the call itself (a disposed client, a bad argument, a prompt longer than a local
    /// model's context), which would fail alike every time.
    /// </summary>
    public static bool IsTransport(Exception failure) =>
        !IsRefusal(failure)
        && (ProviderFailure.Status(failure) is not null
            || failure is not (InvalidOperationException or ArgumentException or NotSupportedException or NotImplementedException));

    public static bool IsTimeout(Exception failure) =>
        failure is TimeoutRejectedException or TimeoutException or OperationCanceledException;

    /// <summary>The wait before asking again after a 429 (what it asked for, else the default); null for any other failure.</summary>
    public static TimeSpan? RateLimitWait(Exception failure, ChatResilience settings) =>
        ProviderFailure.IsRateLimit(failure) ? ProviderFailure.RetryAfter(failure, settings.Time) ?? settings.RateLimitWait : null;

    public static bool IsWorthRetrying(Exception failure, ChatResilience settings) =>
        IsTransport(failure) && !(RateLimitWait(failure, settings) > settings.MaxRateLimitWait);

    /// <summary>Phrased to follow "the model …".</summary>
    public static string Problem(Exception failure, ChatResilience settings)
    {
        if (IsTimeout(failure))
        {
            return "timed out";
        }

        if (RateLimitWait(failure, settings) is { } wait)
        {
            return wait > settings.MaxRateLimitWait
                ? $"was rate-limited (HTTP 429) and asked to wait {Seconds(wait)} s, more than the {Seconds(settings.MaxRateLimitWait)} s allowed"
                : "was rate-limited (HTTP 429)";
        }

        return $"request failed ({ReasonText.Clean(failure.Message)})";
    }

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
