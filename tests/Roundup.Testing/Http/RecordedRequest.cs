using System.Collections.Immutable;

namespace Roundup.Testing.Http;

/// <summary>A request as the <see cref="ReplayServer"/> received it.</summary>
public sealed record RecordedRequest(
    string Method,
    string PathAndQuery,
    ImmutableDictionary<string, string> Headers,
    DateTimeOffset ArrivedAt)
{
    /// <summary>The path without the query, unescaped.</summary>
    public string Path => Uri.UnescapeDataString(PathAndQuery.Split('?', 2)[0]);

    /// <summary>The raw query without its '?', or empty.</summary>
    public string Query => PathAndQuery.Split('?', 2) is [_, var query] ? query : "";

    public string? UserAgent => Header("User-Agent");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The first value of query parameter <paramref name="name"/>, unescaped; null when absent.</summary>
    public string? QueryValue(string name)
    {
        foreach (var pair in Query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (Uri.UnescapeDataString(parts[0]) == name)
            {
                return parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
            }
        }

        return null;
    }
}
