using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Storage.Tests.Contract;

/// <summary>
/// What every store must do with papers (<see cref="IPaperStore"/>) and harvests (<see cref="IHarvestStore"/>),
/// whatever the database: one row per canonical id, versions recorded, cross-lists merged, the earliest announcement
/// kept, and a page stored whole or not at all.
/// </summary>
public abstract class PaperHarvestStoreContract : StoreContract, IAsyncLifetime
{
    private static readonly DateOnly Monday = new(2025, 6, 23);

    private IRoundupStore _store = default!;

    protected IPaperStore Papers => _store.Papers;

    protected IHarvestStore Harvest => _store.Harvest;

    public async ValueTask InitializeAsync() => _store = await OpenAsync();

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_stored_paper_reads_back_with_every_field()
    {
        var paper = SamplePapers.Sample("2506.01234") with
        {
            Version = 2,
            Comment = "Accepted at ICML 2025",
            JournalRef = "Proc. ICML 2025",
            Doi = "10.1000/xyz",
            License = "http://creativecommons.org/licenses/by/4.0/",
            Submitted = new DateTimeOffset(2025, 6, 20, 17, 3, 0, TimeSpan.Zero),
            Versions = [new PaperVersion(1, new DateTimeOffset(2025, 6, 20, 17, 3, 0, TimeSpan.Zero), "1024kb"), new PaperVersion(2, new DateTimeOffset(2025, 6, 22, 9, 0, 0, TimeSpan.Zero), "1100kb")],
        };
        await Harvest.SavePageAsync("test", "k", [new HarvestedPaper(paper, Monday, AnnounceType.New)], null);

        var back = await Papers.GetPaperAsync(ArxivId.Parse("2506.01234v2"));
        Assert.NotNull(back);
        Assert.Equal(paper.Id, back.Id);
        Assert.Equal(2, back.Version);
        Assert.Equal(paper.Title, back.Title);
        Assert.Equal(paper.Abstract, back.Abstract);
        Assert.Equal(paper.Authors, back.Authors);
        Assert.Equal(paper.Categories, back.Categories);
        Assert.Equal("cs.LG", back.PrimaryCategory);
        Assert.Equal(paper.Comment, back.Comment);
        Assert.Equal(paper.JournalRef, back.JournalRef);
        Assert.Equal(paper.Doi, back.Doi);
        Assert.Equal(paper.License, back.License);
        Assert.Equal(paper.Submitted, back.Submitted);
        Assert.Equal(Monday, back.Announced);
        Assert.Equal(AnnounceType.New, back.AnnounceType);
        Assert.Equal(paper.Versions, back.Versions);
    }

    [Fact]
    public async Task Odd_unicode_and_tex_survive_the_round_trip()
    {
        var title = "Ω-nets: $\\mathcal{O}(n\\log n)$ «attention» for 日本語 — with emoji 🧠 and a zero-width\u200bjoiner";
        await Harvest.SavePageAsync("test", "k", [new HarvestedPaper(SamplePapers.Sample("2506.00001") with { Title = title, Authors = ["Zoë Ä. Müller", "李 雷"] }, Monday, AnnounceType.New)], null);
        var back = await Papers.GetPaperAsync(ArxivId.Parse("2506.00001"));
        Assert.Equal(title, back!.Title);
        Assert.Equal(["Zoë Ä. Müller", "李 雷"], back.Authors);
    }

    [Fact]
    public async Task A_new_version_updates_the_paper_and_is_recorded_as_a_version_not_a_new_paper()
    {
        var v1 = SamplePapers.Sample("2506.01234") with { Title = "First title", Versions = [new PaperVersion(1, new DateTimeOffset(2025, 6, 20, 10, 0, 0, TimeSpan.Zero))] };
        var v2 = SamplePapers.Sample("2506.01234") with { Version = 2, Title = "Revised title", Versions = [new PaperVersion(2, new DateTimeOffset(2025, 6, 30, 10, 0, 0, TimeSpan.Zero))] };
        await Harvest.SavePageAsync("test", "k", [new HarvestedPaper(v1, Monday, AnnounceType.New)], null);
        await Harvest.SavePageAsync("test", "k", [new HarvestedPaper(v2, Monday.AddDays(8), AnnounceType.Replace)], null);

        Assert.Equal(1, await Papers.CountPapersAsync());
        var back = await Papers.GetPaperAsync(v1.Id);
        Assert.Equal(2, back!.Version);
        Assert.Equal("Revised title", back.Title);
        Assert.Equal(Monday, back.Announced);
        Assert.Equal([1, 2], back.Versions.Select(v => v.Number));
        Assert.Single(await Papers.GetPapersAnnouncedAsync(Monday, Monday));
        Assert.Empty(await Papers.GetPapersAnnouncedAsync(Monday.AddDays(8), Monday.AddDays(8)));
    }

    [Fact]
    public async Task An_older_version_seen_later_does_not_overwrite_a_newer_one()
    {
        await Harvest.SavePageAsync("test", "k", [new HarvestedPaper(SamplePapers.Sample("2506.01234") with { Version = 3, Title = "v3" }, null, AnnounceType.Unknown)], null);
        await Harvest.SavePageAsync("test", "k", [new HarvestedPaper(SamplePapers.Sample("2506.01234") with { Version = 1, Title = "v1" }, Monday, AnnounceType.New)], null);
        var back = await Papers.GetPaperAsync(ArxivId.Parse("2506.01234"));
        Assert.Equal(3, back!.Version);
        Assert.Equal("v3", back.Title);
        Assert.Equal(Monday, back.Announced);
    }

    [Fact]
    public async Task A_cross_list_adds_categories_and_never_a_second_paper()
    {
        var inLg = SamplePapers.Sample("2506.01234") with { Categories = ["cs.LG"] };
        var inCv = SamplePapers.Sample("2506.01234") with { Categories = ["cs.LG", "cs.CV", "cs.CL"] };
        var seenInCvFirst = SamplePapers.Sample("2506.05555") with { Categories = ["cs.CV"] };
        var primaryKnownLater = SamplePapers.Sample("2506.05555") with { Categories = ["cs.LG", "cs.AI"] };
        await Harvest.SavePageAsync("rss", "k", [new HarvestedPaper(inLg, Monday, AnnounceType.New), new HarvestedPaper(seenInCvFirst, Monday, AnnounceType.Cross)], null);
        await Harvest.SavePageAsync("rss", "k", [new HarvestedPaper(inCv, Monday, AnnounceType.Cross), new HarvestedPaper(primaryKnownLater, Monday, AnnounceType.New)], null);

        Assert.Equal(2, await Papers.CountPapersAsync());
        Assert.Equal(["cs.LG", "cs.CV", "cs.CL"], (await Papers.GetPaperAsync(inLg.Id))!.Categories);
        var other = await Papers.GetPaperAsync(seenInCvFirst.Id);
        Assert.Equal(["cs.LG", "cs.AI", "cs.CV"], other!.Categories);
        Assert.Equal(AnnounceType.New, other.AnnounceType);
    }

    [Fact]
    public async Task A_paper_belongs_to_the_week_it_was_first_announced_in()
    {
        var late = SamplePapers.Sample("2506.01234");
        await Harvest.SavePageAsync("a", "k", [new HarvestedPaper(late, Monday.AddDays(7), AnnounceType.New)], null);
        await Harvest.SavePageAsync("b", "k", [new HarvestedPaper(late, Monday, AnnounceType.New)], null);
        Assert.Equal(Monday, (await Papers.GetPaperAsync(late.Id))!.Announced);
        Assert.Single(await Papers.GetPapersAnnouncedAsync(Monday, Monday.AddDays(4)));
        Assert.Empty(await Papers.GetPapersAnnouncedAsync(Monday.AddDays(7), Monday.AddDays(11)));
    }

    [Fact]
    public async Task Sightings_record_which_source_saw_what_on_which_day()
    {
        await Harvest.SavePageAsync("oai", "k", [new HarvestedPaper(SamplePapers.Sample("2506.00001"), Monday, AnnounceType.New), new HarvestedPaper(SamplePapers.Sample("2506.00002"), Monday.AddDays(1), AnnounceType.New)], null);
        await Harvest.SavePageAsync("rss", "k", [new HarvestedPaper(SamplePapers.Sample("2506.00001"), Monday, AnnounceType.New)], null);
        await Harvest.SavePageAsync("rss", "k", [new HarvestedPaper(SamplePapers.Sample("2506.00001"), Monday, AnnounceType.New)], null);

        var sightings = await Harvest.GetSightingsAsync(Monday, Monday.AddDays(4));
        Assert.Equal(3, sightings.Count);
        Assert.Equal(["oai", "rss"], sightings.Where(s => s.PaperId.Canonical == "2506.00001").Select(s => s.Source).Order());
        Assert.Equal(["cs.LG", "cs.CL"], sightings[0].Categories);
        Assert.Empty(await Harvest.GetSightingsAsync(Monday.AddDays(5), Monday.AddDays(6)));
    }

    [Fact]
    public async Task A_page_and_its_checkpoint_are_stored_together()
    {
        Assert.Null(await Harvest.GetCheckpointAsync("oai|x"));
        await Harvest.SavePageAsync("oai", "oai|x", [new HarvestedPaper(SamplePapers.Sample("2506.00001"), Monday, AnnounceType.New)], "token-2");
        Assert.Equal("token-2", await Harvest.GetCheckpointAsync("oai|x"));
        await Harvest.SavePageAsync("oai", "oai|x", [new HarvestedPaper(SamplePapers.Sample("2506.00002"), Monday, AnnounceType.New)], "token-3");
        Assert.Equal("token-3", await Harvest.GetCheckpointAsync("oai|x"));
        await Harvest.ClearCheckpointAsync("oai|x");
        Assert.Null(await Harvest.GetCheckpointAsync("oai|x"));
    }

    [Fact]
    public async Task A_crash_in_the_middle_of_a_page_leaves_none_of_it()
    {
        await Harvest.SavePageAsync("oai", "oai|x", [new HarvestedPaper(SamplePapers.Sample("2506.00001"), Monday, AnnounceType.New)], "token-2");
        var page = new CrashingList([
            new HarvestedPaper(SamplePapers.Sample("2506.00002"), Monday, AnnounceType.New),
            new HarvestedPaper(SamplePapers.Sample("2506.00003"), Monday, AnnounceType.New),
        ], crashAt: 1);

        await Assert.ThrowsAsync<IOException>(() => Harvest.SavePageAsync("oai", "oai|x", page, "token-3"));

        Assert.Equal(1, await Papers.CountPapersAsync());
        Assert.Equal("token-2", await Harvest.GetCheckpointAsync("oai|x"));
        Assert.Single(await Harvest.GetSightingsAsync(Monday, Monday));
    }

    [Fact]
    public async Task The_same_page_saved_twice_changes_nothing()
    {
        var page = Enumerable.Range(1, 50).Select(i => new HarvestedPaper(SamplePapers.Sample($"2506.{i:D5}"), Monday, AnnounceType.New)).ToList();
        await Harvest.SavePageAsync("listing", "k", page, null);
        var first = await Papers.GetPapersAnnouncedAsync(Monday, Monday);
        await Harvest.SavePageAsync("listing", "k", page, null);
        var second = await Papers.GetPapersAnnouncedAsync(Monday, Monday);
        Assert.Equal(50, second.Count);
        Assert.Equal(first.Select(p => (p.Id, p.Title, p.Version, p.Announced)), second.Select(p => (p.Id, p.Title, p.Version, p.Announced)));
        Assert.Equal(50, (await Harvest.GetSightingsAsync(Monday, Monday)).Count);
    }
}
