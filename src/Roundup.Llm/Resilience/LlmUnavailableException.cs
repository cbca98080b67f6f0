using Roundup.Llm.Scoring;

namespace Roundup.Llm.Resilience;

/// <summary>
/// <see cref="ResilientChatClient"/> gave up: every attempt timed out, was rate-limited or failed, or a 429 asked for
/// a longer wait than it may take. The inner exception is the last attempt's failure.
/// </summary>
public sealed class LlmUnavailableException(string message, string problem, int attempts, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>What went wrong, phrased to follow "the model …": <c>timed out</c>, <c>was rate-limited (HTTP 429)</c>, <c>request failed (…)</c>.</summary>
    public string Problem { get; } = problem;

    /// <summary>How many requests were made.</summary>
    public int Attempts { get; } = attempts;

    /// <summary>
    /// What a caller reports for a failed call: this exception's problem and attempts, or, for a failure the client
    /// passed on without retrying (a local one, such as a prompt too long for the model's context), the failure's
    /// message after one attempt.
    /// </summary>
    public static (string Problem, int Attempts) Describe(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure is LlmUnavailableException gaveUp
            ? (gaveUp.Problem, gaveUp.Attempts)
            : ($"request failed ({ReasonText.Clean(failure.Message)})", 1);
    }
}
