using Microsoft.Data.Sqlite;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Storage.Sqlite;

/// <summary>
/// Writes one page inside its transaction. Rows go in many to a statement (SQLite's cost is per statement as much
/// as per row): papers are inserted where their id is new, and only the ids already stored, or seen earlier in the
/// page, are read, merged and written one by one; versions and sightings are upserted many at a time, after the
/// papers they reference.
/// </summary>
internal sealed class SqlitePageWriter : IDisposable
{
    /// <summary>Papers per insert statement (14 parameters each).</summary>
    private const int PapersPerStatement = 32;

    /// <summary>Versions or sightings per upsert statement (4 parameters each).</summary>
    private const int RowsPerStatement = 128;

    private const string PaperColumns = "id, version, title, abstract, authors, categories, comment, journal_ref, doi, license, submitted, announced, announce_type, updated_at";

    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly SqliteCommand _select;
    private readonly SqliteRawStatement _upsert;
    private readonly SqliteRawStatement _checkpoint;
    private readonly Dictionary<(string Kind, int Rows), SqliteRawStatement> _batches = [];
    private readonly string _now;

    public SqlitePageWriter(SqliteConnection connection, SqliteTransaction transaction, string now)
    {
        _connection = connection;
        _transaction = transaction;
        _now = now;
        _select = Prepare($"SELECT {PaperRow.Columns} FROM papers WHERE id = $p0", 1);
        _upsert = new SqliteRawStatement(connection, $"""
            INSERT INTO papers ({PaperColumns}) VALUES {Values(1, 14)}
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, title = excluded.title, abstract = excluded.abstract,
              authors = excluded.authors, categories = excluded.categories, comment = excluded.comment, journal_ref = excluded.journal_ref,
              doi = excluded.doi, license = excluded.license, submitted = excluded.submitted, announced = excluded.announced,
              announce_type = excluded.announce_type, updated_at = excluded.updated_at
            """);
        _checkpoint = new SqliteRawStatement(connection, """
            INSERT INTO harvest_checkpoints (checkpoint_key, position, updated_at) VALUES ($p0, $p1, $p2)
            ON CONFLICT (checkpoint_key) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
            """);
    }

    public void WritePage(string source, IReadOnlyList<HarvestedPaper> page, CancellationToken cancellationToken)
    {
        var papers = page.Select(Normalise).ToList();
        var merged = new List<Paper>();
        for (var start = 0; start < papers.Count; start += PapersPerStatement)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = papers.GetRange(start, Math.Min(PapersPerStatement, papers.Count - start));
            var inserted = InsertNew(chunk);
            merged.AddRange(chunk.Where(p => !inserted.Remove(p.Id.Canonical)));
        }

        // In page order, after every new id is in: the second sighting of an id in the page merges into the first.
        foreach (var incoming in merged)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var stored = Find(incoming.Id);
            var paper = stored is null ? incoming : PaperMerge.Merge(stored, incoming);
            _upsert.Bind(0, PaperValues(paper));
            _upsert.Run();
        }

        var versions = papers.SelectMany(p => p.Versions.Select(v => new object?[] { p.Id.Canonical, v.Number, PaperRow.Instant(v.Submitted), v.Size }));
        WriteMany("version", versions, """
            INSERT INTO paper_versions (paper_id, version, submitted, size) VALUES {0}
            ON CONFLICT (paper_id, version) DO UPDATE SET submitted = coalesce(excluded.submitted, submitted), size = coalesce(excluded.size, size)
            """, cancellationToken);
        var sightings = page.Zip(papers)
            .Where(x => x.First.ListingDate is not null)
            .Select(x => new object?[] { source, PaperRow.Date(x.First.ListingDate), x.Second.Id.Canonical, x.First.Type.ToArxivString() });
        WriteMany("sighting", sightings, """
            INSERT INTO sightings (source, listing_date, paper_id, announce_type) VALUES {0}
            ON CONFLICT (source, listing_date, paper_id) DO UPDATE SET announce_type = excluded.announce_type
            """, cancellationToken);
    }

    public void SaveCheckpoint(string key, string position)
    {
        _checkpoint.Bind(0, [key, position, _now]);
        _checkpoint.Run();
    }

    public void Dispose()
    {
        _select.Dispose();
        _upsert.Dispose();
        _checkpoint.Dispose();
        foreach (var command in _batches.Values)
        {
            command.Dispose();
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

    /// <summary>Inserts the papers whose id is not stored yet; returns those ids (an id twice in the chunk: its first).</summary>
    private HashSet<string> InsertNew(List<Paper> chunk)
    {
        var command = Batch("paper", chunk.Count, $"INSERT INTO papers ({PaperColumns}) VALUES {{0}} ON CONFLICT (id) DO NOTHING RETURNING id", 14);
        for (var i = 0; i < chunk.Count; i++)
        {
            command.Bind(i * 14, PaperValues(chunk[i]));
        }

        var inserted = new HashSet<string>(StringComparer.Ordinal);
        command.Run(id => inserted.Add(id));
        return inserted;
    }

    private void WriteMany(string kind, IEnumerable<object?[]> rows, string sql, CancellationToken cancellationToken)
    {
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var command = Batch(kind, chunk.Length, sql, 4);
            for (var i = 0; i < chunk.Length; i++)
            {
                command.Bind(i * 4, chunk[i]);
            }

            command.Run();
        }
    }

    private object?[] PaperValues(Paper paper) =>
    [
        paper.Id.Canonical, paper.Version, paper.Title, paper.Abstract, PaperRow.Authors(paper.Authors),
        PaperRow.JoinCategories(paper.Categories), paper.Comment, paper.JournalRef, paper.Doi, paper.License,
        PaperRow.Instant(paper.Submitted), PaperRow.Date(paper.Announced), paper.AnnounceType.ToArxivString(), _now,
    ];

    private Paper? Find(ArxivId id)
    {
        _select.Parameters[0].Value = id.Canonical;
        using var reader = _select.ExecuteReader();
        return reader.Read() ? PaperRow.Read(reader, []) : null;
    }

    private SqliteRawStatement Batch(string kind, int rows, string sql, int columns)
    {
        if (!_batches.TryGetValue((kind, rows), out var command))
        {
            command = new SqliteRawStatement(_connection, string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, Values(rows, columns)));
            _batches[(kind, rows)] = command;
        }

        return command;
    }

    // Positional parameters, bound by position.
    private static string Values(int rows, int columns) =>
        string.Join(", ", Enumerable.Range(0, rows).Select(_ => "(" + string.Join(", ", Enumerable.Repeat("?", columns)) + ")"));

    private SqliteCommand Prepare(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        }

        command.Prepare();
        return command;
    }
}
