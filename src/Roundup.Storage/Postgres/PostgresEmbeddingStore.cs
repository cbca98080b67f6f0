using System.Runtime.InteropServices;
using Npgsql;
using Roundup.Selection;

namespace Roundup.Storage.Postgres;

/// <summary>Embeddings as little-endian float32 bytea, by model and text hash; each call is one statement.</summary>
public sealed class PostgresEmbeddingStore : IEmbeddingStore
{
    private readonly NpgsqlDataSource _source;

    internal PostgresEmbeddingStore(NpgsqlDataSource source) => _source = source;

    public IReadOnlyDictionary<string, float[]> Get(string model, IReadOnlyCollection<string> textHashes)
    {
        ArgumentNullException.ThrowIfNull(textHashes);
        var found = new Dictionary<string, float[]>(StringComparer.Ordinal);
        using var connection = _source.OpenConnection();
        using var command = PostgresSql.Command(connection, null, "SELECT text_hash, vector FROM embeddings WHERE model = @m AND text_hash = ANY(@h)", ("m", model), ("h", textHashes.ToArray()));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            found[reader.GetString(0)] = MemoryMarshal.Cast<byte, float>(reader.GetFieldValue<byte[]>(1)).ToArray();
        }

        return found;
    }

    public void Put(string model, IReadOnlyDictionary<string, float[]> vectors)
    {
        ArgumentNullException.ThrowIfNull(vectors);
        if (vectors.Count == 0)
        {
            return;
        }

        var hashes = vectors.Keys.ToArray();
        var blobs = hashes.Select(h => MemoryMarshal.AsBytes(vectors[h].AsSpan()).ToArray()).ToArray();
        using var connection = _source.OpenConnection();
        using var command = PostgresSql.Command(
            connection,
            null,
            "INSERT INTO embeddings (model, text_hash, vector) SELECT @m, h, v FROM unnest(@h, @v) AS u (h, v) ON CONFLICT DO NOTHING",
            ("m", model),
            ("h", hashes),
            ("v", blobs));
        command.ExecuteNonQuery();
    }
}
