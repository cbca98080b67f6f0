using System.Text;
using System.Text.Json;

namespace Roundup.Llm.Providers;

/// <summary>
/// Turns an error answer into a <see cref="ProviderHttpException"/> before the SDK sees it, so that the status,
/// <c>Retry-After</c> and the endpoint's own words survive (OllamaSharp and the Anthropic SDK drop them).
/// </summary>
public sealed class ErrorResponseCapture : DelegatingHandler
{
    public const int MaxDetailLength = 300;

    // Enough for any error message worth showing; a proxy's HTML error page is not read to its end.
    private const int MaxBodyBytes = 16 * 1024;

    /// <summary>An HTTP client whose error answers throw <see cref="ProviderHttpException"/>; it owns its handlers.</summary>
    public static HttpClient CreateHttpClient()
    {
#pragma warning disable CA2000 // the HTTP client disposes its handler, which disposes the inner one
        return new HttpClient(new ErrorResponseCapture { InnerHandler = new HttpClientHandler() }, disposeHandler: true);
#pragma warning restore CA2000
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var body = await ReadStartAsync(response, cancellationToken).ConfigureAwait(false);
            throw new ProviderHttpException(
                response.StatusCode,
                Header(response, "Retry-After"),
                Header(response, "retry-after-ms"),
                Excerpt(body));
        }
    }

    /// <summary>The error message of a JSON error (<c>{"error": "..."}</c> or <c>{"error": {"message": "..."}}</c>), else the text, cleaned and cut.</summary>
    public static string Excerpt(string body)
    {
        var text = body;
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    text = error.GetString() ?? body;
                }
                else if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String)
                {
                    text = message.GetString() ?? body;
                }
            }
        }
        catch (JsonException)
        {
        }

        return Clean(text);
    }

    private static string Clean(string text)
    {
        var clean = ModelText.Clean(text);
        return clean.Length == 0 ? "(no error text)"
            : clean.Length >= MaxDetailLength ? clean[..(MaxDetailLength - 1)] + "…"
            : clean;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[MaxBodyBytes];
                var length = 0;
                int read;
                while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
                {
                    length += read;
                }

                return Encoding.UTF8.GetString(buffer, 0, length);
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            // The status still says what went wrong.
            return "";
        }
    }
}
