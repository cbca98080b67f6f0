namespace Roundup.Llm.Resilience;

/// <summary>
/// The endpoint refused the request (401, 403 or 404: a wrong key, model or endpoint). Every request would be refused
/// alike, so <see cref="ResilientChatClient"/> asks once and then refuses every later call itself.
/// </summary>
public sealed class LlmRefusedException(string target, int status, string detail, Exception? inner = null)
    : Exception($"{target}: {ProblemOf(status, detail)}", inner)
{
    /// <summary>401, 403 or 404.</summary>
    public int Status { get; } = status;

    /// <summary>What the endpoint said, cleaned and short.</summary>
    public string Detail { get; } = detail;

    /// <summary>Like <c>the endpoint refused the request (401): invalid key</c>, for the caller to put its name before.</summary>
    public string Problem => ProblemOf(Status, Detail);

    private static string ProblemOf(int status, string detail) => $"the endpoint refused the request ({status}): {detail}";
}
