using Roundup.Arxiv.Http;

namespace Roundup.Arxiv.Sources;

/// <summary>GET and parse, forgetting the cached answer when it cannot be used so that a rerun asks again.</summary>
public static class ArxivFetch
{
    public static async Task<T> GetAsync<T>(IArxivHttp http, Uri url, Func<string, T> parse, CancellationToken cancellationToken)
    {
        var response = await http.GetAsync(url, cancellationToken);
        try
        {
            return parse(response.ReadText().TrimStart('\uFEFF'));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            http.Forget(url);
            throw;
        }
    }
}
