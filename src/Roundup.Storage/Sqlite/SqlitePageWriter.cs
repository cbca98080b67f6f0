using Microsoft.Data.Sqlite;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Storage.Sqlite;

/// <summary>
/// Writes one page inside its transaction with prepared statements reused for every row: read the stored paper,
/// merge, upsert the paper, its versions and the sighting.
/// </summary>
internal sealed class SqlitePageWriter : IDisposable
{
    private readonly SqliteCommand _select;
    private readonly SqliteCommand _upsert;
    private readonly SqliteCommand _version;
    private readonly SqliteCommand _sighting;
    private readonly SqliteCommand _checkpoint;
    private readonly string _now;

    public SqlitePageWriter(SqliteConnection connection, SqliteTransaction transaction, string now)
    {
        _now = now;
        _select = Prepare(connection, transaction, $"SELECT {PaperRow.Columns} FROM papers WHERE id = $id", "$id");
        _upsert = Prepare(connection, transaction, """
            INSERT INTO papers (id, version, title, abstract, authors, categories, comment, journal_ref, doi, license, submitted, announced, announce_type, updated_at)
            VALUES ($id, $version, $title, $abstract, $authors, $categories, $comment, $journal_ref, $doi, $license, $submitted, $announced, $announce_type, $now)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, title = excluded.title, abstract = excluded.abstract,
              authors = excluded.authors, categories = excluded.categories, comment = excluded.comment, journal_ref = excluded.journal_ref,
              doi = excluded.doi, license = excluded.license, submitted = excluded.submitted, announced = excluded.announced,
              announce_type = excluded.announce_type, updated_at = excluded.updated_at
            """, "$id", "$version", "$title", "$abstract", "$authors", "$categories", "$comment", "$journal_ref", "$doi", "$license", "$submitted", "$announced", "$announce_type", "$now");
        _version = Prepare(connection, transaction, """
            INSERT INTO paper_versions (paper_id, version, submitted, size) VALUES ($id, $version, $submitted, $size)
            ON CONFLICT (paper_id, version) DO UPDATE SET submitted = coalesce(excluded.submitted, submitted), size = coalesce(excluded.size, size)
            """, "$id", "$version", "$submitted", "$size");
        _sighting = Prepare(connection, transaction, """
            INSERT INTO sightings (source, listing_date, paper_id, announce_type) VALUES ($source, $date, $id, $type)
            ON CONFLICT (source, listing_date, paper_id) DO UPDATE SET announce_type = excluded.announce_type
            """, "$source", "$date", "$id", "$type");
        _checkpoint = Prepare(connection, transaction, """
            INSERT INTO harvest_checkpoints (checkpoint_key, position, updated_at) VALUES ($key, $position, $now)
            ON CONFLICT (checkpoint_key) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
            """, "$key", "$position", "$now");
    }

    public void Write(string source, HarvestedPaper harvested)
    {
        var incoming = Normalise(harvested);
        var stored = Find(incoming.Id);
        var paper = stored is null ? incoming : PaperMerge.Merge(stored, incoming);

        Run(_upsert, paper.Id.Canonical, paper.Version, paper.Title, paper.Abstract, PaperRow.Authors(paper.Authors),
            PaperRow.JoinCategories(paper.Categories), paper.Comment, paper.JournalRef, paper.Doi, paper.License,
            PaperRow.Instant(paper.Submitted), PaperRow.Date(paper.Announced), paper.AnnounceType.ToArxivString(), _now);
        foreach (var v in incoming.Versions)
        {
            Run(_version, paper.Id.Canonical, v.Number, PaperRow.Instant(v.Submitted), v.Size);
        }

        if (harvested.ListingDate is { } date)
        {
            Run(_sighting, source, PaperRow.Date(date), paper.Id.Canonical, harvested.Type.ToArxivString());
        }
    }

    public void SaveCheckpoint(string key, string position) => Run(_checkpoint, key, position, _now);

    public void Dispose()
    {
        _select.Dispose();
        _upsert.Dispose();
        _version.Dispose();
        _sighting.Dispose();
        _checkpoint.Dispose();
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

    private Paper? Find(ArxivId id)
    {
        _select.Parameters[0].Value = id.Canonical;
        using var reader = _select.ExecuteReader();
        return reader.Read() ? PaperRow.Read(reader, []) : null;
    }

    private static void Run(SqliteCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }

    private static SqliteCommand Prepare(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] names)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in names)
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        command.Prepare();
        return command;
    }
}
