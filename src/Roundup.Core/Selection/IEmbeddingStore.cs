namespace Roundup.Selection;

/// <summary>Where embeddings are kept between runs, by model and text hash.</summary>
public interface IEmbeddingStore
{
    IReadOnlyDictionary<string, float[]> Get(string model, IReadOnlyCollection<string> textHashes);

    void Put(string model, IReadOnlyDictionary<string, float[]> vectors);
}
