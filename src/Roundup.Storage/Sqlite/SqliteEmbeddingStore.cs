using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;
using Roundup.Selection;

namespace Roundup.Storage.Sqlite;

/// <summary>Embeddings as little-endian float32 blobs, by model and text hash.</summary>
public sealed class SqliteEmbeddingStore : IEmbeddingStore
{
    private readonly SqliteSession _session;

    internal SqliteEmbeddingStore(SqliteSession session) => _session = session;

    public IReadOnlyDictionary<string, float[]> Get(string model, IReadOnlyCollection<string> textHashes)
    {
        return _session.Exclusive(() =>
        {
            var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
            using var command = _session.Command(
                "SELECT text_hash, vector FROM embeddings WHERE model = $m AND text_hash IN (SELECT value FROM json_each($h))",
                ("$m", model),
                ("$h", System.Text.Json.JsonSerializer.Serialize(textHashes.ToArray(), StoreJson.Default.StringArray)));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                found[reader.GetString(0)] = MemoryMarshal.Cast<byte, float>((byte[])reader.GetValue(1)).ToArray();
            }

            return found;
        });
    }

    public void Put(string model, IReadOnlyDictionary<string, float[]> vectors)
    {
        _session.Exclusive(() =>
        {
            using var transaction = _session.Connection.BeginTransaction();
            using var command = _session.Connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "INSERT INTO embeddings (model, text_hash, vector) VALUES ($m, $h, $v) ON CONFLICT DO NOTHING";
            var m = command.Parameters.Add(new SqliteParameter("$m", model));
            var h = command.Parameters.Add(new SqliteParameter("$h", null));
            var v = command.Parameters.Add(new SqliteParameter("$v", null));
            foreach (var (hash, vector) in vectors)
            {
                h.Value = hash;
                v.Value = MemoryMarshal.AsBytes(vector.AsSpan()).ToArray();
                command.ExecuteNonQuery();
            }

            transaction.Commit();
            return vectors.Count;
        });
    }
}
