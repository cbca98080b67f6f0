using System.Globalization;
using System.Text.Json;
using Roundup.Papers;

namespace Roundup.Storage.Sqlite;

/// <summary>How a <see cref="Paper"/> is laid out in the <c>papers</c> table, both ways.</summary>
internal static class PaperRow
{
    public const string Columns = "id, version, title, abstract, authors, categories, comment, journal_ref, doi, license, submitted, announced, announce_type";

    public static Paper Read(System.Data.Common.DbDataReader r, IReadOnlyList<PaperVersion> versions) => new()
    {
        Id = ArxivId.Parse(r.GetString(0)),
        Version = r.GetInt32(1),
        Title = r.GetString(2),
        Abstract = r.GetString(3),
        Authors = JsonSerializer.Deserialize(r.GetString(4), StoreJson.Default.StringArray) ?? [],
        Categories = SplitCategories(r.GetString(5)),
        Comment = NullableString(r, 6),
        JournalRef = NullableString(r, 7),
        Doi = NullableString(r, 8),
        License = NullableString(r, 9),
        Submitted = r.IsDBNull(10) ? null : ParseInstant(r.GetString(10)),
        Announced = r.IsDBNull(11) ? null : DateOnly.ParseExact(r.GetString(11), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        AnnounceType = AnnounceTypes.Parse(r.GetString(12)),
        Versions = versions,
    };

    public static string[] SplitCategories(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static string JoinCategories(IReadOnlyList<string> categories) => string.Join(' ', categories);

    public static string Authors(IReadOnlyList<string> authors) => JsonSerializer.Serialize(authors as string[] ?? [.. authors], StoreJson.Default.StringArray);

    public static string? Instant(DateTimeOffset? value) => value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseInstant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    public static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? NullableString(System.Data.Common.DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
