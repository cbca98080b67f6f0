namespace Roundup.Arxiv.OaiPmh;

/// <summary>An OAI-PMH error answered inside a 200 response: <c>badResumptionToken</c>, <c>badArgument</c>, ...</summary>
public sealed class OaiPmhException : Exception
{
    public const string BadResumptionToken = "badResumptionToken";

    public OaiPmhException(string code, string oaiMessage, Uri url)
        : base(Describe(code, oaiMessage, url))
    {
        Code = code;
        OaiMessage = oaiMessage;
        Url = url;
    }

    /// <summary>The OAI-PMH error code, e.g. <c>badArgument</c>.</summary>
    public string Code { get; }

    /// <summary>What the repository said.</summary>
    public string OaiMessage { get; }

    public Uri Url { get; }

    /// <summary>The resumption token is no longer valid: the harvest must start again from its first page.</summary>
    public bool RestartRequired => Code == BadResumptionToken;

    private static string Describe(string code, string oaiMessage, Uri url) => code == BadResumptionToken
        ? $"GET {url}: OAI-PMH error {code}: the resumption token has expired or is invalid (arXiv's tokens expire daily); "
          + $"the harvest must restart from the beginning. arXiv said: {oaiMessage}"
        : $"GET {url}: OAI-PMH error {code}: {oaiMessage}";
}
