using Npgsql;
using NpgsqlTypes;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Storage.Postgres;

/// <summary>
/// Writes one harvest page inside its transaction, set-wise: the stored papers the page names are read in one query,
/// each sighting is folded in page order with <see cref="PaperMerge"/> (as SQLite's row-at-a-time writer does), and
/// the results go by binary COPY: new papers straight into their tables, papers already stored into temporary
/// staging tables, from which one statement per table merges them.
/// </summary>
internal static class PostgresPageWriter
{
    private const string Staging = """
        SET LOCAL client_min_messages = warning;
        CREATE TEMP TABLE IF NOT EXISTS stage_papers (LIKE papers) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS stage_versions (LIKE paper_versions) ON COMMIT DELETE ROWS;
        CREATE TEMP TABLE IF NOT EXISTS stage_sightings (LIKE sightings) ON COMMIT DELETE ROWS;
        """;

    // Rows whose content is unchanged are not rewritten: a page stored again leaves the table as it was.
    private const string Merge = """
        INSERT INTO papers AS p SELECT * FROM stage_papers
        ON CONFLICT (id) DO UPDATE SET version = excluded.version, title = excluded.title, abstract = excluded.abstract,
          authors = excluded.authors, categories = excluded.categories, comment = excluded.comment, journal_ref = excluded.journal_ref,
          doi = excluded.doi, license = excluded.license, submitted = excluded.submitted, announced = excluded.announced,
          announce_type = excluded.announce_type, updated_at = excluded.updated_at
        WHERE (p.version, p.title, p.abstract, p.authors, p.categories, p.comment, p.journal_ref, p.doi, p.license, p.submitted, p.announced, p.announce_type)
          IS DISTINCT FROM (excluded.version, excluded.title, excluded.abstract, excluded.authors, excluded.categories, excluded.comment,
          excluded.journal_ref, excluded.doi, excluded.license, excluded.submitted, excluded.announced, excluded.announce_type);
        INSERT INTO paper_versions AS v SELECT * FROM stage_versions
        ON CONFLICT (paper_id, version) DO UPDATE SET submitted = coalesce(excluded.submitted, v.submitted), size = coalesce(excluded.size, v.size)
        WHERE (v.submitted, v.size) IS DISTINCT FROM (coalesce(excluded.submitted, v.submitted), coalesce(excluded.size, v.size));
        INSERT INTO sightings AS s SELECT * FROM stage_sightings
        ON CONFLICT (source, listing_date, paper_id) DO UPDATE SET announce_type = excluded.announce_type
        WHERE s.announce_type IS DISTINCT FROM excluded.announce_type;
        """;

    public static async Task WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string source, IReadOnlyList<HarvestedPaper> page, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Read the whole page first: a page that fails while being read leaves nothing behind.
        var incoming = new List<(Paper Paper, HarvestedPaper Harvested)>(page.Count);
        foreach (var harvested in page)
        {
            cancellationToken.ThrowIfCancellationRequested();
            incoming.Add((Normalise(harvested), harvested));
        }

        if (incoming.Count == 0)
        {
            return;
        }

        var ids = incoming.Select(i => i.Paper.Id.Canonical).Distinct(StringComparer.Ordinal).ToArray();
        var merged = await StoredAsync(connection, transaction, ids, cancellationToken);
        var stored = merged.Keys.ToHashSet(StringComparer.Ordinal);
        var versions = new Dictionary<(string Id, int Number), PaperVersion>();
        var sightings = new Dictionary<(DateOnly Date, string Id), AnnounceType>();
        foreach (var (paper, harvested) in incoming)
        {
            var id = paper.Id.Canonical;
            merged[id] = merged.TryGetValue(id, out var known) ? PaperMerge.Merge(known, paper) : paper;
            foreach (var v in paper.Versions)
            {
                versions[(id, v.Number)] = versions.TryGetValue((id, v.Number), out var seen)
                    ? new PaperVersion(v.Number, v.Submitted ?? seen.Submitted, v.Size ?? seen.Size)
                    : v;
            }

            if (harvested.ListingDate is { } date)
            {
                sightings[(date, id)] = harvested.Type;
            }
        }

        // Papers not stored yet cannot gain a row meanwhile (the harvest lock is held), nor have versions or
        // sightings: they and theirs are copied straight into their tables. Only the rest go through staging.
        await CopyPapersAsync(connection, "papers", ids.Where(id => !stored.Contains(id)).Select(id => merged[id]), now, cancellationToken);
        await CopyVersionsAsync(connection, "paper_versions", versions.Where(v => !stored.Contains(v.Key.Id)), cancellationToken);
        await CopySightingsAsync(connection, "sightings", source, sightings.Where(s => !stored.Contains(s.Key.Id)), cancellationToken);
        if (stored.Count > 0)
        {
            await PostgresSql.ExecuteAsync(connection, transaction, Staging, cancellationToken);
            await CopyPapersAsync(connection, "stage_papers", ids.Where(stored.Contains).Select(id => merged[id]), now, cancellationToken);
            await CopyVersionsAsync(connection, "stage_versions", versions.Where(v => stored.Contains(v.Key.Id)), cancellationToken);
            await CopySightingsAsync(connection, "stage_sightings", source, sightings.Where(s => stored.Contains(s.Key.Id)), cancellationToken);
            await PostgresSql.ExecuteAsync(connection, transaction, Merge, cancellationToken);
        }
    }

    // What a sighting says about the paper: a first announcement dates it; a replacement does not.
    private static Paper Normalise(HarvestedPaper harvested)
    {
        var p = harvested.Paper;
        var first = harvested.Type.IsFirstAnnouncement();
        return p with
        {
            Id = p.Id.WithoutVersion(),
            Announced = first ? harvested.ListingDate ?? p.Announced : p.Announced,
            AnnounceType = first ? harvested.Type : p.AnnounceType,
        };
    }

    private static async Task<Dictionary<string, Paper>> StoredAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string[] ids, CancellationToken cancellationToken)
    {
        var stored = await PostgresSql.QueryAsync(
            connection,
            transaction,
            $"SELECT {PostgresPaperRow.Columns} FROM papers WHERE id = ANY(@ids)",
            r => PostgresPaperRow.Read(r, []),
            cancellationToken,
            ("ids", ids));
        return stored.ToDictionary(p => p.Id.Canonical, StringComparer.Ordinal);
    }

    private static async Task CopyPapersAsync(NpgsqlConnection connection, string table, IEnumerable<Paper> papers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(
            $"COPY {table} (id, version, title, abstract, authors, categories, comment, journal_ref, doi, license, submitted, announced, announce_type, updated_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken);
        foreach (var p in papers)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(p.Id.Canonical, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(p.Version, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(p.Title, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(p.Abstract, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(p.Authors as string[] ?? [.. p.Authors], NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(p.Categories as string[] ?? [.. p.Categories], NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
            await WriteAsync(copy, p.Comment, cancellationToken);
            await WriteAsync(copy, p.JournalRef, cancellationToken);
            await WriteAsync(copy, p.Doi, cancellationToken);
            await WriteAsync(copy, p.License, cancellationToken);
            await WriteAsync(copy, PostgresSql.Utc(p.Submitted), cancellationToken);
            if (p.Announced is { } announced)
            {
                await copy.WriteAsync(announced, NpgsqlDbType.Date, cancellationToken);
            }
            else
            {
                await copy.WriteNullAsync(cancellationToken);
            }

            await copy.WriteAsync(p.AnnounceType.ToArxivString(), NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task CopyVersionsAsync(NpgsqlConnection connection, string table, IEnumerable<KeyValuePair<(string Id, int Number), PaperVersion>> versions, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} (paper_id, version, submitted, size) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var ((id, number), v) in versions)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(id, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken);
            await WriteAsync(copy, PostgresSql.Utc(v.Submitted), cancellationToken);
            await WriteAsync(copy, v.Size, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task CopySightingsAsync(NpgsqlConnection connection, string table, string source, IEnumerable<KeyValuePair<(DateOnly Date, string Id), AnnounceType>> sightings, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} (source, listing_date, paper_id, announce_type) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var ((date, id), type) in sightings)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(source, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(date, NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(id, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(type.ToArxivString(), NpgsqlDbType.Text, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, DateTimeOffset? value, CancellationToken cancellationToken)
    {
        if (value is { } time)
        {
            await copy.WriteAsync(time, NpgsqlDbType.TimestampTz, cancellationToken);
        }
        else
        {
            await copy.WriteNullAsync(cancellationToken);
        }
    }
}
