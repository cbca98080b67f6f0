using System.Buffers;

namespace Roundup.Arxiv.Http;

/// <summary>Reads an answer's body into memory, refusing one larger than the configured limit.</summary>
internal static class BoundedBody
{
    private const int ChunkSize = 81_920;

    /// <summary>
    /// Replaces <paramref name="response"/>'s content with a buffered copy, so the connection is free again and the
    /// body can be read after the retry strategy has decided. Throws <see cref="ArxivHttpException"/> past the limit.
    /// </summary>
    public static async Task BufferAsync(HttpResponseMessage response, Uri url, int attempt, long limit, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var status = (int)response.StatusCode;
        if (original.Headers.ContentLength is long declared && declared > limit)
        {
            throw TooLarge(url, attempt, status, limit, FormattableString.Invariant($"the answer declares {declared} bytes"));
        }

        var body = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            await using var stream = await original.ReadAsStreamAsync(cancellationToken);
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken)) > 0)
            {
                if (body.Length + read > limit)
                {
                    throw TooLarge(url, attempt, status, limit, "the body ran past the limit while being read");
                }

                body.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var buffered = new ByteArrayContent(body.ToArray());
        foreach (var (name, values) in original.Headers.NonValidated)
        {
            if (!name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                buffered.Headers.TryAddWithoutValidation(name, values);
            }
        }

        response.Content = buffered;
        original.Dispose();
    }

    private static ArxivHttpException TooLarge(Uri url, int attempt, int status, long limit, string what) =>
        new(url, attempt, status, FormattableString.Invariant(
            $"{what}: the size limit is {limit} bytes ({ArxivHttpOptions.SectionName}:{nameof(ArxivHttpOptions.MaxResponseBytes)}); refused {url}"));
}
