using System.Text;
using Roundup.Arxiv.Http;

namespace Roundup.Arxiv.Tests.Fixtures;

/// <summary>Serves canned bodies by URL (or by a predicate on the URL) and records what was asked and forgotten.</summary>
public sealed class FakeArxivHttp : IArxivHttp
{
    private readonly List<(Func<Uri, bool> Matches, Func<Uri, string> Body)> _routes = [];

    public List<Uri> Requested { get; } = [];

    public List<Uri> Forgotten { get; } = [];

    public FakeArxivHttp Serve(Func<Uri, bool> matches, Func<Uri, string> body)
    {
        _routes.Add((matches, body));
        return this;
    }

    public FakeArxivHttp Serve(Func<Uri, bool> matches, string body) => Serve(matches, _ => body);

    public Task<ArxivResponse> GetAsync(Uri url, CancellationToken cancellationToken = default)
    {
        Requested.Add(url);
        foreach (var (matches, body) in _routes)
        {
            if (matches(url))
            {
                return Task.FromResult(new ArxivResponse(url, 200, "application/xml", Encoding.UTF8.GetBytes(body(url)), FromCache: false));
            }
        }

        throw new InvalidOperationException($"the fake has no answer for {url}");
    }

    public void Forget(Uri url) => Forgotten.Add(url);
}
