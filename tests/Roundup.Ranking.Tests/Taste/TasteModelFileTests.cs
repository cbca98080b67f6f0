using Roundup.Ranking.Taste;
using Roundup.Ranking.Taste.Model;
using Roundup.Ranking.Taste.Text;
using Roundup.Ranking.Taste.Training;
using Roundup.Testing;

namespace Roundup.Ranking.Tests.Taste;

public sealed class TasteModelFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly HashingEmbedder _embedder = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(TextScoreKind.TitleEmbedding)]
    [InlineData(TextScoreKind.TfIdf)]
    [InlineData(TextScoreKind.None)]
    public void Saved_and_loaded_it_is_the_same_model_and_the_same_training_writes_the_same_bytes(TextScoreKind text)
    {
        var settings = new TasteSettings { TextScore = text };
        var model = TasteTrainer.Train(TasteWorld.Set(), _embedder, settings, "test");
        var again = TasteTrainer.Train(TasteWorld.Set(), _embedder, settings, "test");

        TasteModelFile.Save(model, _dir.File("a"));
        TasteModelFile.Save(again, _dir.File("b"));
        var loaded = TasteModelFile.Load(_dir.File("a"));

        Assert.Equal(model.Hash, again.Hash);
        Assert.Equal(model.Hash, loaded.Hash);
        Assert.Matches("^[0-9a-f]{64}$", model.Hash);
        foreach (var file in Directory.GetFiles(_dir.File("a")).Select(Path.GetFileName))
        {
            Assert.Equal(File.ReadAllBytes(_dir.File($"a/{file}")), File.ReadAllBytes(_dir.File($"b/{file}")));
        }

        Assert.Equal(text != TextScoreKind.None, File.Exists(_dir.File($"a/{TasteModelFile.TextScoreFile}")));
        foreach (var row in TasteWorld.Listings(20, seed: 5, firstId: 40_000, first: new DateOnly(2025, 6, 23)))
        {
            var vector = _embedder.Embed([row.Paper.Title])[0];
            Assert.Equal(model.Judge(row.Paper, vector, Roundup.Ranking.Taste.Signals.TasteLevel.Abstract, true, []), loaded.Judge(row.Paper, vector, Roundup.Ranking.Taste.Signals.TasteLevel.Abstract, true, []), new JudgementComparer());
        }
    }

    [Fact]
    public void Another_training_set_is_another_model()
    {
        var set = TasteWorld.Set();
        var flipped = set with { Rows = [.. set.Rows.Select((r, i) => i == 3 ? r with { Picked = !r.Picked } : r)] };

        Assert.NotEqual(TasteTrainer.Train(set, _embedder, new TasteSettings(), "test").Hash, TasteTrainer.Train(flipped, _embedder, new TasteSettings(), "test").Hash);
    }

    [Fact]
    public void A_damaged_or_missing_file_is_named()
    {
        TasteModelFile.Save(TasteTrainer.Train(TasteWorld.Set(), _embedder, new TasteSettings(), "test"), _dir.File("m"));
        File.WriteAllText(_dir.File("m/taste.json"), "{ not json");
        var json = Assert.Throws<InvalidDataException>(() => TasteModelFile.Load(_dir.File("m")));
        Assert.Contains("taste.json", json.Message, StringComparison.Ordinal);

        TasteModelFile.Save(TasteTrainer.Train(TasteWorld.Set(), _embedder, new TasteSettings(), "test"), _dir.File("n"));
        File.Delete(_dir.File($"n/{TasteModelFile.TitlesFile}"));
        var missing = Assert.Throws<InvalidDataException>(() => TasteModelFile.Load(_dir.File("n")));
        Assert.Contains("has no titles.bin", missing.Message, StringComparison.Ordinal);
    }

    private sealed class JudgementComparer : IEqualityComparer<TasteJudgement>
    {
        public bool Equals(TasteJudgement? x, TasteJudgement? y) =>
            x is not null && y is not null && x.Probability == y.Probability && x.Baseline == y.Baseline && x.Facets.SequenceEqual(y.Facets);

        public int GetHashCode(TasteJudgement obj) => obj.Probability.GetHashCode();
    }
}
