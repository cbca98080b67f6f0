using Roundup.Ranking.Embeddings;
using Roundup.Ranking.Taste.History;

namespace Roundup.Ranking.Tests.Taste;

public sealed class TitleMemoryTests
{
    private static readonly DateOnly Monday = new(2025, 6, 23);
    private readonly HashingEmbedder _embedder = new();

    [Fact]
    public void Nearest_reads_the_window_before_the_week_and_never_the_paper_itself()
    {
        var titles = new[] { "diffusion models for video", "diffusion models for images", "graph coloring heuristics", "diffusion models for audio" };
        var vectors = _embedder.Embed(titles);
        var memory = TitleMemory.From([
            (Monday.AddDays(-10), 1u, vectors[0]),
            (Monday.AddDays(-90), 2u, vectors[1]),    // older than the window
            (Monday.AddDays(-5), 3u, vectors[2]),
            (Monday, 4u, vectors[3]),                 // in the week itself
        ]);
        var query = _embedder.Embed(["diffusion models for video"])[0];

        var nearest = memory.Nearest(query, Monday, windowDays: 60, take: 5);
        var withoutItself = memory.Nearest(query, Monday, windowDays: 60, take: 5, exclude: 1);

        Assert.Equal(2, nearest.Count);
        Assert.Equal(1.0, nearest[0], 2);
        Assert.True(nearest[0] > nearest[1]);
        Assert.Single(withoutItself);
        Assert.True(withoutItself[0] < 0.5);
    }

    [Fact]
    public void Eight_bits_keep_cosines_within_a_hundredth()
    {
        var random = new Random(3);
        var vectors = Enumerable.Range(0, 50).Select(_ => Vectors.Normalised([.. Enumerable.Range(0, 384).Select(_ => (float)(random.NextDouble() - 0.5))])).ToList();
        var memory = TitleMemory.From(vectors.Select((v, i) => (Monday.AddDays(-1 - i), (uint)i + 1, v)));

        foreach (var query in vectors.Take(10))
        {
            var exact = vectors.Select(v => v.Zip(query, (a, b) => (double)a * b).Sum()).OrderByDescending(x => x).Take(5).ToList();
            var stored = memory.Nearest(query, Monday, 365, 5);
            Assert.All(exact.Zip(stored), pair => Assert.Equal(pair.First, pair.Second, 0.01));
        }
    }

    [Fact]
    public void Written_and_read_back_it_answers_alike_and_merging_keeps_a_paper_once()
    {
        var vectors = _embedder.Embed(["a", "b c", "d e f"]);
        var memory = TitleMemory.From(vectors.Select((v, i) => (Monday.AddDays(-1 - i), (uint)i + 1, v)));
        using var stream = new MemoryStream();
        memory.Write(stream);
        stream.Position = 0;

        var read = TitleMemory.Read(stream, "titles.bin");
        var merged = memory.Merge(read, Monday.AddDays(-2));

        Assert.Equal(memory.Nearest(vectors[1], Monday, 60, 3), read.Nearest(vectors[1], Monday, 60, 3));
        Assert.Equal(2, merged.Count);   // the oldest left out, the rest not doubled
    }

    [Fact]
    public void A_file_that_is_not_a_memory_or_is_cut_short_is_refused_by_name()
    {
        var wrong = Assert.Throws<InvalidDataException>(() => TitleMemory.Read(new MemoryStream("nope, a text file"u8.ToArray()), "titles.bin"));
        Assert.StartsWith("titles.bin: not a title memory", wrong.Message, StringComparison.Ordinal);

        var memory = TitleMemory.From([(Monday, 1u, _embedder.Embed(["a"])[0])]);
        using var stream = new MemoryStream();
        memory.Write(stream);
        var cut = Assert.Throws<InvalidDataException>(() => TitleMemory.Read(new MemoryStream(stream.ToArray()[..100]), "titles.bin"));
        Assert.StartsWith("titles.bin: 1 vectors of 384 dimensions do not fit", cut.Message, StringComparison.Ordinal);
    }
}
