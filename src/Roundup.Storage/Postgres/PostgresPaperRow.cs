using Npgsql;
using Roundup.Papers;

namespace Roundup.Storage.Postgres;

/// <summary>How a <see cref="Paper"/> is laid out in PostgreSQL's <c>papers</c> table when read.</summary>
internal static class PostgresPaperRow
{
    public const string Columns = "id, version, title, abstract, authors, categories, comment, journal_ref, doi, license, submitted, announced, announce_type";

    public static Paper Read(NpgsqlDataReader r, IReadOnlyList<PaperVersion> versions) => new()
    {
        Id = ArxivId.Parse(r.GetString(0)),
        Version = r.GetInt32(1),
        Title = r.GetString(2),
        Abstract = r.GetString(3),
        Authors = r.GetFieldValue<string[]>(4),
        Categories = r.GetFieldValue<string[]>(5),
        Comment = Text(r, 6),
        JournalRef = Text(r, 7),
        Doi = Text(r, 8),
        License = Text(r, 9),
        Submitted = r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10),
        Announced = r.IsDBNull(11) ? null : r.GetFieldValue<DateOnly>(11),
        AnnounceType = AnnounceTypes.Parse(r.GetString(12)),
        Versions = versions,
    };

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
