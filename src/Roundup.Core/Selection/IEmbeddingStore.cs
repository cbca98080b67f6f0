namespace Roundup.Selection;

/// <summary>Where embeddings are kept between runs, by model and text hash.</summary>
public interface IEmbeddingStore
{
    /// <summary>The stored vectors of <paramref name="model"/> for those of <paramref name="textHashes"/> it has; a hash it does not have is absent.</summary>
    IReadOnlyDictionary<string, float[]> Get(string model, IReadOnlyCollection<string> textHashes);

    /// <summary>Stores the vectors under <paramref name="model"/>; a hash already stored for the model keeps its vector.</summary>
    void Put(string model, IReadOnlyDictionary<string, float[]> vectors);
}
