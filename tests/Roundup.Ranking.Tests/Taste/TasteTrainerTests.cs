using Roundup.Curation;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Ranking.Taste;
using Roundup.Ranking.Taste.Authors;
using Roundup.Ranking.Taste.History;
using Roundup.Ranking.Taste.Model;
using Roundup.Ranking.Taste.Signals;
using Roundup.Ranking.Taste.Training;
using Roundup.Selection;

namespace Roundup.Ranking.Tests.Taste;

public sealed class TasteTrainerTests
{
    private static readonly DateOnly NextWeek = new(2025, 6, 23);
    private readonly HashingEmbedder _embedder = new();

    [Fact]
    public void A_team_featured_before_lifts_its_new_paper_and_the_reason_names_its_authors()
    {
        var model = Train(TasteWorld.Set());
        var byTeam = TasteWorld.Paper(90_001, "Revisiting point clouds with tabular data", ["Someone New", "Ada Recurring", "Bo Partner"]) with { Announced = NextWeek };
        var byStrangers = byTeam with { Authors = ["Someone New", "Another One"] };

        var team = Judge(model, byTeam);
        var strangers = Judge(model, byStrangers);

        Assert.True(team.Probability > strangers.Probability + 0.2, $"{team.Probability:0.00} vs {strangers.Probability:0.00}");
        Assert.Contains(team.Facets, f => f.Value > 0 && f.Label.StartsWith("authors featured before: 'Ada Recurring'", StringComparison.Ordinal));
        Assert.Contains(strangers.Facets, f => f.Value < 0 && f.Label == "no author featured before");
        Assert.True(team.ReputationShare > 0.5);
    }

    [Fact]
    public void The_content_is_learned_too_a_diffusion_title_from_strangers_beats_filler()
    {
        var model = Train(TasteWorld.Set());
        var diffusion = TasteWorld.Paper(90_002, "Diffusion models for protein folding", ["X Y", "Z W"]) with { Announced = NextWeek };
        var filler = diffusion with { Title = "Revisiting protein folding with causal inference" };

        Assert.True(Judge(model, diffusion).Probability > Judge(model, filler).Probability + 0.1);
        Assert.Contains(Judge(model, diffusion).Facets, f => f.Value > 0 && f.Label.StartsWith("title close to past picks", StringComparison.Ordinal));
        Assert.Contains(Judge(model, diffusion).Facets, f => f.Label.StartsWith("title reads like past picks (learned score ", StringComparison.Ordinal));
        Assert.Contains(Judge(model, filler).Facets, f => f.Label.StartsWith("title reads unlike past picks (learned score ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_paper_never_counts_its_own_feature_even_one_dated_before_its_week()
    {
        var set = TasteWorld.Set();
        var paper = TasteWorld.Paper(90_003, "Revisiting point clouds with speech recognition", ["Solo Newcomer"]) with { Announced = NextWeek };
        var other = paper with { Id = ArxivId.Parse("2506.90004") };
        var withOwnFeature = set with { Featured = [.. set.Featured, new FeaturedPaper(paper.Id, NextWeek.AddDays(-2), paper.Title, paper.Abstract, paper.Authors, "hf")] };
        var model = Train(withOwnFeature);

        Assert.Contains(Judge(model, paper).Facets, f => f.Label == "no author featured before");
        Assert.Contains(Judge(model, other).Facets, f => f.Label.StartsWith("authors featured before: 'Solo Newcomer'", StringComparison.Ordinal));
    }

    [Fact]
    public void History_dated_in_the_papers_week_or_later_is_not_read()
    {
        var featured = TasteWorld.History(200, seed: 1);
        var later = Enumerable.Range(0, 5).Select(i => new FeaturedPaper(ArxivId.Parse($"2506.9100{i}"), NextWeek.AddDays(i), "Revisiting tabular data with point clouds", "", ["Late Bloomer", "Ada Recurring"], "hf", 0, "github.com/late/x")).ToList();
        var paper = TasteWorld.Paper(90_005, "Revisiting tabular data with point clouds", ["Late Bloomer", "Ada Recurring", "Bo Partner"], "Code: github.com/late/y") with { Announced = NextWeek.AddDays(2) };
        var vector = _embedder.Embed([paper.Title])[0];
        var settings = new TasteSettings();
        var from = TasteWorld.FirstListing.AddDays(-200);

        var before = PaperReading.Read(paper, vector, NextWeek, TasteHistoryBuilder.Build(featured, _ => 1f, t => _embedder.Embed(t), from), settings);
        var after = PaperReading.Read(paper, vector, NextWeek, TasteHistoryBuilder.Build([.. featured, .. later], _ => 1f, t => _embedder.Embed(t), from), settings);

        Assert.Equal(before.Authors, after.Authors);
        Assert.Equal(before.Team, after.Team);
        Assert.Equal(before.AnyOwner, after.AnyOwner);
        Assert.Equal(before.Nearest, after.Nearest);
        Assert.Equal(0, after.Authors[0].Record);
    }

    [Fact]
    public void The_contributions_of_a_score_add_up_to_it()
    {
        var model = Train(TasteWorld.Set());
        foreach (var row in TasteWorld.Listings(30, seed: 9, firstId: 80_000, first: NextWeek))
        {
            var judgement = Judge(model, row.Paper);
            var contributions = TasteScorer.Contributions(judgement);
            Assert.Equal(judgement.Probability, contributions.Sum(c => c.Value), 9);
            Assert.Equal("taste of an average paper", contributions[0].Label);
        }
    }

    [Fact]
    public void The_title_stage_reads_the_listing_line_and_later_stages_the_abstract_too()
    {
        var model = Train(TasteWorld.Set());
        var paper = TasteWorld.Paper(90_006, "Revisiting point clouds with tabular data", ["A B"], "We study it.") with { Announced = NextWeek };
        var withCode = paper with { Abstract = "We study it with large language models. Code: https://github.com/someone/thing" };

        Assert.Equal(Judge(model, paper, TasteLevel.Title).Probability, Judge(model, withCode, TasteLevel.Title).Probability, 12);
        Assert.DoesNotContain(Judge(model, withCode, TasteLevel.Title).Facets, f => f.Label.StartsWith("code link:", StringComparison.Ordinal));
        Assert.Contains(Judge(model, withCode, TasteLevel.Abstract).Facets, f => f.Label == "code link: 'github.com'");
        Assert.Contains(Judge(model, withCode, TasteLevel.Abstract).Facets, f => f.Label == "mentions language models: 'large language models'");
    }

    [Fact]
    public void Five_picks_on_top_of_a_basis_move_it_a_little_and_do_not_collapse_it()
    {
        var basis = Train(TasteWorld.Set());
        // A curator who saw 200 papers of no interest to the basis and picked five, all by one newcomer.
        var random = new Random(3);
        var rows = Enumerable.Range(0, 200)
            .Select(i => TasteWorld.Paper(70_000 + i, TasteWorld.Filler(random), i < 5 ? ["Zed Newcomer", $"X {i}"] : TasteWorld.Strangers(random)) with { Announced = new DateOnly(2025, 6, 9).AddDays(i % 5) })
            .Select((p, i) => new TrainingExample(p, p.Announced!.Value, i < 5))
            .ToList();
        var own = rows.Where(r => r.Picked).Select(r => new FeaturedPaper(r.Paper.Id, r.Date, r.Paper.Title, r.Paper.Abstract, r.Paper.Authors, TasteTrainingSet.CuratorSource)).ToList();

        var learned = TasteTrainer.Train(new TasteTrainingSet(rows, own, ["five"]), _embedder, new TasteSettings(), "learned", basis);

        var test = TasteWorld.Listings(100, seed: 11, firstId: 60_000, first: NextWeek).Select(r => r.Paper).ToList();
        var a = test.Select(p => Judge(basis, p).Probability).ToList();
        var b = test.Select(p => Judge(learned, p).Probability).ToList();
        Assert.True(SpearmanRank(a, b) > 0.8, $"rank correlation {SpearmanRank(a, b):0.00}");
        var byZed = TasteWorld.Paper(90_007, "Revisiting speech recognition with causal inference", ["Zed Newcomer", "Q"]) with { Announced = NextWeek };
        Assert.True(Judge(learned, byZed).Probability > Judge(basis, byZed).Probability);
        Assert.Equal(basis.Hash, learned.Info.Basis);
    }

    [Fact]
    public void With_no_listing_rows_learning_keeps_the_basis_regressions_and_adds_the_picks_to_the_history()
    {
        var basis = Train(TasteWorld.Set());
        var pick = new FeaturedPaper(ArxivId.Parse("2506.95000"), new DateOnly(2025, 6, 10), "Revisiting graph neural networks with tabular data", "", ["Only Curator Pick"], TasteTrainingSet.CuratorSource);

        var learned = TasteTrainer.Train(new TasteTrainingSet([], [pick], ["picks"]), _embedder, new TasteSettings(), "learned", basis);

        Assert.Equal(basis.Combiners.Keys, learned.Combiners.Keys);
        Assert.All(basis.Combiners, c => Assert.Same(c.Value, learned.Combiners[c.Key]));
        Assert.True(learned.History.AuthorRecord("Only Curator Pick", NextWeek, 365) > 0);
    }

    [Fact]
    public void Without_a_basis_training_needs_picked_and_unpicked_papers()
    {
        var rows = TasteWorld.Listings(50, seed: 1).Select(r => r with { Picked = false }).ToList();

        var e = Assert.Throws<ArgumentException>(() => Train(new TasteTrainingSet(rows, [], ["none"])));

        Assert.Contains("0 of 50 picked", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_reputation_the_scorer_reads_no_authors_and_says_which_model_it_is()
    {
        var model = Train(TasteWorld.Set());
        var scorer = new TasteScorer(model, _embedder, Evidence.Abstract, reputation: false);
        var paper = TasteWorld.Paper(90_008, "Revisiting point clouds with tabular data", ["Ada Recurring", "Bo Partner"]) with { Announced = NextWeek };

        var result = (await scorer.ScoreAsync([paper], new CuratorProfile(), TestContext.Current.CancellationToken))[0];

        Assert.Equal($"taste:{model.Hash[..12]}:abstract-no-reputation", scorer.Id);
        Assert.DoesNotContain(result.Contributions, c => c.Label.Contains("featured before", StringComparison.Ordinal) || c.Label.Contains("code published by", StringComparison.Ordinal));
        Assert.Contains(result.Contributions, c => c.Label == "2 authors");
    }

    [Fact]
    public void A_followed_author_gets_a_fixed_lift_and_the_reason_says_so()
    {
        var model = Train(TasteWorld.Set());
        var paper = TasteWorld.Paper(90_009, "Revisiting point clouds with tabular data", ["Someone New", "Grace Hopper"]) with { Announced = NextWeek };

        var plain = model.Judge(paper, _embedder.Embed([paper.Title])[0], TasteLevel.Abstract, true, []);
        var followed = model.Judge(paper, _embedder.Embed([paper.Title])[0], TasteLevel.Abstract, true, ["grace  hopper"]);

        Assert.True(followed.Probability > plain.Probability);
        Assert.Contains(followed.Facets, f => f.Label == "followed author: 'Grace Hopper'" && f.Value > 0);
    }

    [Fact]
    public void The_scorer_refuses_an_embedder_the_model_was_not_trained_with() =>
        Assert.Throws<ArgumentException>(() => new TasteScorer(Train(TasteWorld.Set()), new HashingEmbedder(dimensions: 128), Evidence.Title));

    [Fact]
    public void A_popular_feature_counts_more_in_the_authors_record_unless_turned_off()
    {
        var set = TasteWorld.Set();
        var day = set.Featured.Min(f => f.Date);
        FeaturedPaper Featured(int id, string author, double upvotes) =>
            new(ArxivId.Parse($"2504.{id:00000}"), day, "A paper", "An abstract.", [author], "hf", upvotes);
        var withTwo = set with { Featured = [.. set.Featured, Featured(90_001, "Quiet Author", 2), Featured(90_002, "Famous Author", 300)] };

        double Record(TasteSettings settings, string author) =>
            TasteTrainer.Train(withTwo, _embedder, settings, "test").History.AuthorRecord(AuthorName.Key(author), NextWeek, settings.DecayDays);

        var weighed = new TasteSettings();
        Assert.Equal((1f, 1f, 1.65f, 1.97f), (weighed.PopularityWeight(0), weighed.PopularityWeight(10), weighed.PopularityWeight(100), weighed.PopularityWeight(300)));
        Assert.Equal(1.97, Record(weighed, "Famous Author") / Record(weighed, "Quiet Author"), 2);
        var flat = new TasteSettings { WeighPopularity = false };
        Assert.Equal(Record(flat, "Quiet Author"), Record(flat, "Famous Author"), 6);
    }

    private TasteModel Train(TasteTrainingSet set) => TasteTrainer.Train(set, _embedder, new TasteSettings(), "test");

    private TasteJudgement Judge(TasteModel model, Paper paper, TasteLevel level = TasteLevel.Abstract) =>
        model.Judge(paper, _embedder.Embed([paper.Title])[0], level, true, []);

    private static double SpearmanRank(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        static double[] Ranks(IReadOnlyList<double> x)
        {
            var order = x.Select((v, i) => (v, i)).OrderBy(p => p.v).Select(p => p.i).ToArray();
            var ranks = new double[x.Count];
            for (var r = 0; r < order.Length; r++)
            {
                ranks[order[r]] = r;
            }

            return ranks;
        }

        var (ra, rb) = (Ranks(a), Ranks(b));
        var (ma, mb) = (ra.Average(), rb.Average());
        var cov = ra.Zip(rb, (x, y) => (x - ma) * (y - mb)).Sum();
        return cov / Math.Sqrt(ra.Sum(x => (x - ma) * (x - ma)) * rb.Sum(y => (y - mb) * (y - mb)));
    }
}
