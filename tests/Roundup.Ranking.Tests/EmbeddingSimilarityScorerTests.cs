using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Ranking.Similarity;
using Roundup.Selection;

namespace Roundup.Ranking.Tests;

public sealed class EmbeddingSimilarityScorerTests(EmbedderFixture fixture) : IClassFixture<EmbedderFixture>
{
    private static readonly CuratorProfile Profile = new()
    {
        Criteria = ["efficient training of large language models"],
        FavouredTopics = ["robot manipulation"],
        DisfavouredTopics = ["cryptocurrency price prediction"],
    };

    private static readonly Paper Llm = Make("2506.00001", "Cutting the cost of pretraining large language models", "We train LLMs with half the compute.");
    private static readonly Paper Robot = Make("2506.00002", "Learning dexterous grasping for robot arms", "A robot hand picks objects.");
    private static readonly Paper Bitcoin = Make("2506.00003", "Forecasting Bitcoin prices with transformers", "Cryptocurrency markets are volatile.");
    private static readonly Paper Soil = Make("2506.00004", "Soil moisture in alpine meadows", "Field measurements of soil.");

    [Fact]
    public async Task Papers_close_to_the_criteria_score_higher_and_name_the_closest()
    {
        var scorer = new EmbeddingSimilarityScorer(fixture.Embedder, Evidence.Title);

        var results = (await scorer.ScoreAsync([Llm, Robot, Bitcoin, Soil], Profile, TestContext.Current.CancellationToken)).ToDictionary(r => r.Paper);

        Assert.Equal("similarity-title-v1", scorer.Id);
        Assert.All(results.Values, r => Assert.InRange(r.Score!.Value, 0, 1));
        Assert.True(results[Llm.Id].Score > results[Soil.Id].Score);
        Assert.True(results[Robot.Id].Score > results[Soil.Id].Score);
        Assert.True(results[Llm.Id].Score > results[Bitcoin.Id].Score);
        Assert.Equal("close to 'efficient training of large language models'", results[Llm.Id].Contributions[0].Label);
        Assert.Contains(results[Robot.Id].Contributions, c => c.Label == "close to 'robot manipulation'");
        Assert.Contains(results[Bitcoin.Id].Contributions, c => c.Label == "close to disfavoured 'cryptocurrency price prediction'" && c.Value < 0);
    }

    [Fact]
    public async Task Exemplars_pull_similar_papers_up()
    {
        var exemplar = Make("2401.00001", "Soil carbon measured with drones", "Remote sensing of soil.");
        var without = new EmbeddingSimilarityScorer(fixture.Embedder, Evidence.Abstract);
        var with = new EmbeddingSimilarityScorer(fixture.Embedder, Evidence.Abstract, [exemplar]);

        var a = (await without.ScoreAsync([Soil], Profile, TestContext.Current.CancellationToken))[0];
        var b = (await with.ScoreAsync([Soil], Profile, TestContext.Current.CancellationToken))[0];

        Assert.Equal("similarity-abstract-v1", with.Id);
        Assert.True(b.Score > a.Score, $"{b.Score:0.000} vs {a.Score:0.000}");
        Assert.Contains(b.Contributions, c => c.Label == "close to exemplar 'Soil carbon measured with drones'");
    }

    [Fact]
    public async Task A_profile_with_nothing_to_compare_leaves_papers_unscored()
    {
        var scorer = new EmbeddingSimilarityScorer(new HashingEmbedder(), Evidence.Title);

        var result = (await scorer.ScoreAsync([Soil], new CuratorProfile(), TestContext.Current.CancellationToken))[0];

        Assert.Null(result.Score);
        Assert.NotNull(result.Unscored);
    }

    [Fact]
    public void Reads_only_the_title_or_the_abstract() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EmbeddingSimilarityScorer(new HashingEmbedder(), Evidence.FullText));

    private static Paper Make(string id, string title, string abstractText) =>
        new() { Id = ArxivId.Parse(id), Title = title, Abstract = abstractText, Authors = ["A. Author"] };
}
