namespace Roundup.Selection;

/// <summary>Turns texts into unit-length vectors (cosine similarity = dot product).</summary>
public interface IEmbedder
{
    /// <summary>Names the model, stored with cached vectors: <c>all-MiniLM-L6-v2</c>.</summary>
    string Model { get; }

    int Dimensions { get; }

    float[][] Embed(IReadOnlyList<string> texts, CancellationToken cancellationToken = default);
}
