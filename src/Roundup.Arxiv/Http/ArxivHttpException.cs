namespace Roundup.Arxiv.Http;

/// <summary>arXiv could not be reached or kept refusing: names the URL, the attempts and the last answer.</summary>
public sealed class ArxivHttpException : Exception
{
    public ArxivHttpException(Uri url, int attempts, int? lastStatus, string message, Exception? inner = null)
        : base($"GET {url} failed after {attempts} attempt{(attempts == 1 ? "" : "s")}: {message}", inner)
    {
        Url = url;
        Attempts = attempts;
        LastStatus = lastStatus;
    }

    public Uri Url { get; }

    public int Attempts { get; }

    /// <summary>The last HTTP status received, or null when no answer came (connection failure, time-out).</summary>
    public int? LastStatus { get; }
}
