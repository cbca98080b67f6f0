using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Roundup.Arxiv.Http;

/// <summary>
/// Answers kept on disk, one body file and one JSON metadata file per URL, named by the SHA-256 of the absolute URL.
/// Writes go to a temporary file and are moved into place; anything unreadable or inconsistent is a miss, never an error.
/// </summary>
public sealed class DiskResponseCache
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly TimeProvider _time;

    public DiskResponseCache(string directory, TimeProvider time, TimeSpan maxAge)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        _time = time;
        MaxAge = maxAge;
    }

    public string Directory { get; }

    public TimeSpan MaxAge { get; }

    /// <summary>The file-name stem for <paramref name="url"/>: lower-case hex SHA-256 of its absolute form.</summary>
    public static string KeyFor(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)));
    }

    /// <summary>The stored entry, fresh or stale; null when there is none or it cannot be trusted.</summary>
    public async Task<CachedResponse?> TryGetAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var (body, meta) = PathsFor(url);
        try
        {
            if (!File.Exists(meta) || !File.Exists(body))
            {
                return null;
            }

            var metadata = JsonSerializer.Deserialize<CacheMetadata>(await File.ReadAllBytesAsync(meta, cancellationToken), Json);
            if (metadata is null || metadata.Url != url.AbsoluteUri)
            {
                return null;
            }

            var content = await File.ReadAllBytesAsync(body, cancellationToken);
            if (content.LongLength != metadata.Length || Hash(content) != metadata.Sha256)
            {
                return null;
            }

            return new CachedResponse(url, metadata.FetchedAt, metadata.ContentType, metadata.ETag, metadata.LastModified, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>True when <paramref name="entry"/> is younger than <see cref="MaxAge"/> by this cache's clock.</summary>
    public bool IsFresh(CachedResponse entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var age = _time.GetUtcNow() - entry.FetchedAt;
        return age >= TimeSpan.Zero && age < MaxAge;
    }

    /// <summary>Stores a 200 answer, stamped with the current time.</summary>
    public async Task<CachedResponse> StoreAsync(
        Uri url, byte[] content, string? contentType, string? etag, string? lastModified, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var entry = new CachedResponse(url, _time.GetUtcNow(), contentType, etag, lastModified, content);
        var (body, _) = PathsFor(url);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(body)!);

        // Body first: until the metadata names the new hash, a reader sees a mismatch and treats it as a miss.
        await WriteAtomicallyAsync(body, content, cancellationToken);
        await WriteMetadataAsync(entry, cancellationToken);
        return entry;
    }

    /// <summary>After a 304: the same body, a new fetch time, and any validators the 304 carried.</summary>
    public async Task<CachedResponse> RefreshAsync(
        CachedResponse entry, string? etag = null, string? lastModified = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var refreshed = entry with
        {
            FetchedAt = _time.GetUtcNow(),
            ETag = etag ?? entry.ETag,
            LastModified = lastModified ?? entry.LastModified,
        };
        await WriteMetadataAsync(refreshed, cancellationToken);
        return refreshed;
    }

    /// <summary>Deletes the entry for <paramref name="url"/>, if any.</summary>
    public void Forget(Uri url)
    {
        var (body, meta) = PathsFor(url);

        // Metadata first: without it the entry is already a miss, even if removing the body then fails.
        if (File.Exists(meta))
        {
            File.Delete(meta);
        }

        if (File.Exists(body))
        {
            File.Delete(body);
        }
    }

    private (string Body, string Meta) PathsFor(Uri url)
    {
        var key = KeyFor(url);
        var folder = Path.Combine(Directory, key[..2]);
        return (Path.Combine(folder, key + ".body"), Path.Combine(folder, key + ".json"));
    }

    private async Task WriteMetadataAsync(CachedResponse entry, CancellationToken cancellationToken)
    {
        var metadata = new CacheMetadata(
            entry.Url.AbsoluteUri, entry.FetchedAt, entry.ContentType, entry.ETag, entry.LastModified,
            entry.Content.LongLength, Hash(entry.Content));
        var (_, meta) = PathsFor(entry.Url);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(meta)!);
        await WriteAtomicallyAsync(meta, JsonSerializer.SerializeToUtf8Bytes(metadata, Json), cancellationToken);
    }

    private static async Task WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    private static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
