using Roundup.Papers;
using Roundup.Ranking.Taste.Default;
using Roundup.Ranking.Taste.Signals;

namespace Roundup.Ranking.Tests.Taste;

/// <summary>The taste that ships: present in the build, trained on what its card says, and telling known teams from strangers.</summary>
public sealed class DefaultTasteTests
{
    [Fact]
    public void The_shipped_default_loads_with_its_provenance_and_every_regression()
    {
        var model = DefaultTaste.Load();

        Assert.NotNull(model);
        Assert.Equal("default", model.Info.Kind);
        Assert.Equal("all-MiniLM-L6-v2", model.Info.EmbeddingModel);
        Assert.Equal(new DateOnly(2025, 6, 22), model.Info.HistoryEnd);
        Assert.Equal(new DateOnly(2025, 6, 19), model.Info.LastRowDate);
        Assert.Contains("hf_daily_upvotes.jsonl", model.Info.Sources);
        Assert.Equal(["abstract", "abstract-no-reputation", "title", "title-no-reputation"], model.Combiners.Keys.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(model.CombinerFor(TasteLevel.Abstract, reputation: false).Signals, s => TasteSignals.Named(s).Group == SignalGroup.Reputation);
        Assert.True(model.History.Authors.Count > 10_000);
        Assert.Equal(384, model.History.Titles.Dimensions);
        Assert.Same(model, DefaultTaste.Load());
    }

    [Fact]
    public void The_shipped_default_lifts_a_team_with_a_record_above_strangers()
    {
        var model = DefaultTaste.Load()!;
        var asOf = new DateOnly(2025, 6, 23);
        var team = model.History.Authors.Entries.Keys.OrderByDescending(k => model.History.Authors.Weight(k, asOf, 365)).ThenBy(k => k, StringComparer.Ordinal).Take(3).ToArray();
        var vector = new HashingEmbedder().Embed(["A simple baseline for long video understanding"])[0];
        Paper Paper(string[] authors) => new() { Id = ArxivId.Parse("2506.99990"), Title = "A simple baseline for long video understanding", Authors = authors, Announced = asOf, Categories = ["cs.CV"] };

        var known = model.Judge(Paper(team), vector, TasteLevel.Title, true, []);
        var strangers = model.Judge(Paper(["Nobody Known", "Another Stranger", "Third Person"]), vector, TasteLevel.Title, true, []);
        var blind = model.Judge(Paper(team), vector, TasteLevel.Title, false, []);
        var blindStrangers = model.Judge(Paper(["Nobody Known", "Another Stranger", "Third Person"]), vector, TasteLevel.Title, false, []);

        Assert.True(known.Probability > strangers.Probability + 0.2, $"{known.Probability:0.00} vs {strangers.Probability:0.00}");
        Assert.Equal(blind.Probability, blindStrangers.Probability, 12);
    }
}
