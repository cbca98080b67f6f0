using Roundup.Ranking.Embeddings;

namespace Roundup.Ranking.Tests;

/// <summary>One MiniLM session for a test class: loading the model takes about a second.</summary>
public sealed class EmbedderFixture : IDisposable
{
    public MiniLmEmbedder Embedder { get; } = new();

    public void Dispose() => Embedder.Dispose();
}
