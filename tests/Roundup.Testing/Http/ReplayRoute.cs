namespace Roundup.Testing.Http;

/// <summary>A request matcher with the queue of replies still to give to it, in order.</summary>
internal sealed class ReplayRoute(string description, Func<RecordedRequest, bool> matches)
{
    public string Description { get; } = description;

    public Func<RecordedRequest, bool> Matches { get; } = matches;

    public Queue<Reply> Replies { get; } = new();

    /// <summary>Path-and-query matching: exact, or equal once both are unescaped ('+' and '%2B' stay distinct).</summary>
    public static Func<RecordedRequest, bool> ForPathAndQuery(string pathAndQuery)
    {
        var expected = Normalise(pathAndQuery);
        return request => request.PathAndQuery == pathAndQuery
            || string.Equals(Unescape(request.PathAndQuery), Unescape(expected), StringComparison.Ordinal);
    }

    private static string Normalise(string route)
    {
        if (Uri.TryCreate(route, UriKind.Absolute, out var absolute) && absolute.Scheme.StartsWith("http", StringComparison.Ordinal))
        {
            return absolute.PathAndQuery;
        }

        return route.StartsWith('/') ? route : "/" + route;
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text);
}
