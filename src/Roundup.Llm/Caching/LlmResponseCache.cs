using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Roundup.Llm.Caching;

/// <summary>
/// Validated answers on disk, one file per batch, named by the SHA-256 of everything that shaped the request
/// (<see cref="Key"/>). Writes are atomic (a temporary file moved into place); an unreadable entry is a miss.
/// </summary>
public sealed class LlmResponseCache(string directory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Directory { get; } = directory;

    /// <summary>A key over <paramref name="parts"/>, each length-prefixed so no two lists collide.</summary>
    public static string Key(IEnumerable<string> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            text.Append(part.Length).Append(':').Append(part).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The cached scores for <paramref name="key"/>, or null when absent or unreadable.</summary>
    public IReadOnlyList<CachedScore>? TryGet(string key)
    {
        var path = PathFor(key);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var entry = JsonSerializer.Deserialize<CacheEntry>(File.ReadAllText(path), Json);
            return entry is { Version: CacheEntry.CurrentVersion, Scores: { } scores } && scores.All(IsValid) ? scores : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    public void Put(string key, IReadOnlyList<CachedScore> scores) =>
        Write(key, JsonSerializer.Serialize(new CacheEntry(CacheEntry.CurrentVersion, scores), Json));

    /// <summary>Any other validated answer (a written entry, …) under <paramref name="key"/>; null when absent, unreadable or not <paramref name="isValid"/>.</summary>
    public T? TryGetValue<T>(string key, Func<T, bool> isValid)
        where T : class
    {
        var path = PathFor(key);
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            var entry = JsonSerializer.Deserialize<CachedValue<T>>(File.ReadAllText(path), Json);
            return entry is { Version: CacheEntry.CurrentVersion, Value: { } value } && isValid(value) ? value : null;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }
    }

    public void PutValue<T>(string key, T value)
        where T : class =>
        Write(key, JsonSerializer.Serialize(new CachedValue<T>(CacheEntry.CurrentVersion, value), Json));

    private void Write(string key, string json)
    {
        var path = PathFor(key);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temporary, json);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private string PathFor(string key)
    {
        if (key.Length < 8 || !key.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException($"'{key}' is not a cache key", nameof(key));
        }

        return Path.Combine(Directory, key[..2], key + ".json");
    }

    private static bool IsValid(CachedScore? score) =>
        score is { Id.Length: > 0, Score: >= 1 and <= 10, Reason: not null };
}
