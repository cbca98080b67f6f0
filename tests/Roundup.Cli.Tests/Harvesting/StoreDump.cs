using Microsoft.Data.Sqlite;

namespace Roundup.Cli.Tests.Harvesting;

/// <summary>Every stored row of papers, versions, sightings and checkpoints as text, for comparing two stores.</summary>
public static class StoreDump
{
    public static List<string> Read(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var rows = new List<string>();
        foreach (var sql in new[]
        {
            "SELECT 'paper', id, version, title, abstract, authors, categories, comment, journal_ref, doi, license, submitted, announced, announce_type FROM papers ORDER BY id",
            "SELECT 'version', paper_id, version, submitted, size FROM paper_versions ORDER BY paper_id, version",
            "SELECT 'sighting', source, listing_date, paper_id, announce_type FROM sightings ORDER BY source, listing_date, paper_id",
            "SELECT 'checkpoint', checkpoint_key, position FROM harvest_checkpoints ORDER BY checkpoint_key",
        })
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        return rows;
    }
}
