using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Application.Harvesting;
using Roundup.Application.Hosting;
using Roundup.Application.Selecting;
using Roundup.Application.Settings;
using Roundup.Application.Weeks;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Selection;
using Roundup.Testing;

namespace Roundup.Application.Tests.Selecting;

/// <summary>What the desk's week asks of the application layer: undoing a decision, the harvest's completeness, the stage's cut.</summary>
public sealed class WeekDeskUseCaseTests : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private RoundupHost _host = null!;
    private Window _week = null!;

    public ValueTask InitializeAsync()
    {
        var (options, errors, _) = ConfigurationLoader.Load(null, [new("Store:Path", _dir.File("roundup.db")), new("Harvest:Categories:0", "cs.LG"), new("Harvest:Categories:1", "cs.CL")]);
        Assert.Empty(errors);
        _host = new RoundupHost(options, NullLoggerFactory.Instance, TimeProvider.System);
        _week = Window.Resolve("2025-W26", null, null, _host.Calendar, _host.Time);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _dir.Dispose();
    }

    [Fact]
    public async Task An_undone_pin_is_no_longer_the_curators_word_and_a_second_undo_finds_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var decisions = new CuratorDecisions(_host);
        var id = ArxivId.Parse("2506.00001");
        await decisions.DecideAsync(_week, new CuratorDecision(id, DecisionKind.Pin), ct);
        Assert.Equal(DecisionKind.Pin, (await decisions.ForWindowAsync(_week, ct))["2506.00001"]);

        Assert.True(await decisions.UndoAsync(_week, ArxivId.Parse("2506.00001v2"), ct));
        Assert.Empty(await decisions.ForWindowAsync(_week, ct));
        Assert.False(await decisions.UndoAsync(_week, id, ct));
    }

    [Fact]
    public async Task Completeness_counts_each_listing_date_by_category_and_names_the_days_without_papers()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = await _host.StoreAsync(ct);
        Paper P(int n, params string[] categories) => new() { Id = ArxivId.Parse($"2506.{n:D5}"), Title = $"Paper {n}", Categories = categories };
        await store.Harvest.SavePageAsync("file", "k",
        [
            new HarvestedPaper(P(1, "cs.LG"), new DateOnly(2025, 6, 23), AnnounceType.New),
            new HarvestedPaper(P(2, "cs.CL", "cs.LG"), new DateOnly(2025, 6, 23), AnnounceType.New),
            new HarvestedPaper(P(3, "cs.CL"), new DateOnly(2025, 6, 24), AnnounceType.New),
        ], null, ct);

        var report = await new HarvestCompleteness(_host).RunAsync(_week, ct);

        var monday = Assert.Single(report.Days, d => d.Date == new DateOnly(2025, 6, 23));
        Assert.Equal(2, monday.Papers);
        Assert.Equal(2, monday.ByCategory["cs.LG"]);
        Assert.Equal(1, monday.ByCategory["cs.CL"]);
        Assert.Equal([new DateOnly(2025, 6, 25), new DateOnly(2025, 6, 26), new DateOnly(2025, 6, 27)], report.MissingDates);
        Assert.False(report.IsComplete);
    }

    [Fact]
    public void The_least_sure_come_first_nearest_the_stages_cut_and_the_unscored_last()
    {
        static Judgement J(int rank, double? score, bool advanced) => new("title", ArxivId.Parse($"2506.{rank:D5}"), score, rank, advanced, "", [], []);
        var stage = new[] { J(1, 0.9, true), J(2, 0.52, true), J(3, 0.48, false), J(4, 0.05, false), J(5, null, false) };

        Assert.Equal(0.5, StageCut.Of(stage)!.Value, 6);
        Assert.Equal([2, 3, 1, 4, 5], StageCut.LeastSureFirst(stage).Select(j => j.Rank));
        Assert.Null(StageCut.Of([J(1, 0.9, true)]));
    }
}
