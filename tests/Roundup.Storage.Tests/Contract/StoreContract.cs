using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Storage.Tests.Contract;

/// <summary>
/// What every store must do, whatever the database: one row per canonical id, versions recorded, cross-lists
/// merged, the earliest announcement kept, and a page stored whole or not at all.
/// </summary>
public abstract class StoreContract<TStore> : IAsyncLifetime
    where TStore : IPaperStore, IHarvestStore, IAsyncDisposable
{
    private static readonly DateOnly Monday = new(2025, 6, 23);

    protected TStore Store { get; private set; } = default!;

    protected abstract Task<TStore> CreateStoreAsync();

    public async ValueTask InitializeAsync() => Store = await CreateStoreAsync();

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_stored_paper_reads_back_with_every_field()
    {
        var paper = Papers.Sample("2506.01234") with
        {
            Version = 2,
            Comment = "Accepted at ICML 2025",
            JournalRef = "Proc. ICML 2025",
            Doi = "10.1000/xyz",
            License = "http://creativecommons.org/licenses/by/4.0/",
            Submitted = new DateTimeOffset(2025, 6, 20, 17, 3, 0, TimeSpan.Zero),
            Versions = [new PaperVersion(1, new DateTimeOffset(2025, 6, 20, 17, 3, 0, TimeSpan.Zero), "1024kb"), new PaperVersion(2, new DateTimeOffset(2025, 6, 22, 9, 0, 0, TimeSpan.Zero), "1100kb")],
        };
        await Store.SavePageAsync("test", "k", [new HarvestedPaper(paper, Monday, AnnounceType.New)], null);

        var back = await Store.GetPaperAsync(ArxivId.Parse("2506.01234v2"));
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
        await Store.SavePageAsync("test", "k", [new HarvestedPaper(Papers.Sample("2506.00001") with { Title = title, Authors = ["Zoë Ä. Müller", "李 雷"] }, Monday, AnnounceType.New)], null);
        var back = await Store.GetPaperAsync(ArxivId.Parse("2506.00001"));
        Assert.Equal(title, back!.Title);
        Assert.Equal(["Zoë Ä. Müller", "李 雷"], back.Authors);
    }

    [Fact]
    public async Task A_new_version_updates_the_paper_and_is_recorded_as_a_version_not_a_new_paper()
    {
        var v1 = Papers.Sample("2506.01234") with { Title = "First title", Versions = [new PaperVersion(1, new DateTimeOffset(2025, 6, 20, 10, 0, 0, TimeSpan.Zero))] };
        var v2 = Papers.Sample("2506.01234") with { Version = 2, Title = "Revised title", Versions = [new PaperVersion(2, new DateTimeOffset(2025, 6, 30, 10, 0, 0, TimeSpan.Zero))] };
        await Store.SavePageAsync("test", "k", [new HarvestedPaper(v1, Monday, AnnounceType.New)], null);
        await Store.SavePageAsync("test", "k", [new HarvestedPaper(v2, Monday.AddDays(8), AnnounceType.Replace)], null);

        Assert.Equal(1, await Store.CountPapersAsync());
        var back = await Store.GetPaperAsync(v1.Id);
        Assert.Equal(2, back!.Version);
        Assert.Equal("Revised title", back.Title);
        Assert.Equal(Monday, back.Announced);
        Assert.Equal([1, 2], back.Versions.Select(v => v.Number));
        Assert.Single(await Store.GetPapersAnnouncedAsync(Monday, Monday));
        Assert.Empty(await Store.GetPapersAnnouncedAsync(Monday.AddDays(8), Monday.AddDays(8)));
    }

    [Fact]
    public async Task An_older_version_seen_later_does_not_overwrite_a_newer_one()
    {
        await Store.SavePageAsync("test", "k", [new HarvestedPaper(Papers.Sample("2506.01234") with { Version = 3, Title = "v3" }, null, AnnounceType.Unknown)], null);
        await Store.SavePageAsync("test", "k", [new HarvestedPaper(Papers.Sample("2506.01234") with { Version = 1, Title = "v1" }, Monday, AnnounceType.New)], null);
        var back = await Store.GetPaperAsync(ArxivId.Parse("2506.01234"));
        Assert.Equal(3, back!.Version);
        Assert.Equal("v3", back.Title);
        Assert.Equal(Monday, back.Announced);
    }

    [Fact]
    public async Task A_cross_list_adds_categories_and_never_a_second_paper()
    {
        var inLg = Papers.Sample("2506.01234") with { Categories = ["cs.LG"] };
        var inCv = Papers.Sample("2506.01234") with { Categories = ["cs.LG", "cs.CV", "cs.CL"] };
        var seenInCvFirst = Papers.Sample("2506.05555") with { Categories = ["cs.CV"] };
        var primaryKnownLater = Papers.Sample("2506.05555") with { Categories = ["cs.LG", "cs.AI"] };
        await Store.SavePageAsync("rss", "k", [new HarvestedPaper(inLg, Monday, AnnounceType.New), new HarvestedPaper(seenInCvFirst, Monday, AnnounceType.Cross)], null);
        await Store.SavePageAsync("rss", "k", [new HarvestedPaper(inCv, Monday, AnnounceType.Cross), new HarvestedPaper(primaryKnownLater, Monday, AnnounceType.New)], null);

        Assert.Equal(2, await Store.CountPapersAsync());
        Assert.Equal(["cs.LG", "cs.CV", "cs.CL"], (await Store.GetPaperAsync(inLg.Id))!.Categories);
        var other = await Store.GetPaperAsync(seenInCvFirst.Id);
        Assert.Equal(["cs.LG", "cs.AI", "cs.CV"], other!.Categories);
        Assert.Equal(AnnounceType.New, other.AnnounceType);
    }

    [Fact]
    public async Task A_paper_belongs_to_the_week_it_was_first_announced_in()
    {
        var late = Papers.Sample("2506.01234");
        await Store.SavePageAsync("a", "k", [new HarvestedPaper(late, Monday.AddDays(7), AnnounceType.New)], null);
        await Store.SavePageAsync("b", "k", [new HarvestedPaper(late, Monday, AnnounceType.New)], null);
        Assert.Equal(Monday, (await Store.GetPaperAsync(late.Id))!.Announced);
        Assert.Single(await Store.GetPapersAnnouncedAsync(Monday, Monday.AddDays(4)));
        Assert.Empty(await Store.GetPapersAnnouncedAsync(Monday.AddDays(7), Monday.AddDays(11)));
    }

    [Fact]
    public async Task Sightings_record_which_source_saw_what_on_which_day()
    {
        await Store.SavePageAsync("oai", "k", [new HarvestedPaper(Papers.Sample("2506.00001"), Monday, AnnounceType.New), new HarvestedPaper(Papers.Sample("2506.00002"), Monday.AddDays(1), AnnounceType.New)], null);
        await Store.SavePageAsync("rss", "k", [new HarvestedPaper(Papers.Sample("2506.00001"), Monday, AnnounceType.New)], null);
        await Store.SavePageAsync("rss", "k", [new HarvestedPaper(Papers.Sample("2506.00001"), Monday, AnnounceType.New)], null);

        var sightings = await Store.GetSightingsAsync(Monday, Monday.AddDays(4));
        Assert.Equal(3, sightings.Count);
        Assert.Equal(["oai", "rss"], sightings.Where(s => s.PaperId.Canonical == "2506.00001").Select(s => s.Source).Order());
        Assert.Equal(["cs.LG", "cs.CL"], sightings[0].Categories);
        Assert.Empty(await Store.GetSightingsAsync(Monday.AddDays(5), Monday.AddDays(6)));
    }

    [Fact]
    public async Task A_page_and_its_checkpoint_are_stored_together()
    {
        Assert.Null(await Store.GetCheckpointAsync("oai|x"));
        await Store.SavePageAsync("oai", "oai|x", [new HarvestedPaper(Papers.Sample("2506.00001"), Monday, AnnounceType.New)], "token-2");
        Assert.Equal("token-2", await Store.GetCheckpointAsync("oai|x"));
        await Store.SavePageAsync("oai", "oai|x", [new HarvestedPaper(Papers.Sample("2506.00002"), Monday, AnnounceType.New)], "token-3");
        Assert.Equal("token-3", await Store.GetCheckpointAsync("oai|x"));
        await Store.ClearCheckpointAsync("oai|x");
        Assert.Null(await Store.GetCheckpointAsync("oai|x"));
    }

    [Fact]
    public async Task A_crash_in_the_middle_of_a_page_leaves_none_of_it()
    {
        await Store.SavePageAsync("oai", "oai|x", [new HarvestedPaper(Papers.Sample("2506.00001"), Monday, AnnounceType.New)], "token-2");
        var page = new CrashingList([
            new HarvestedPaper(Papers.Sample("2506.00002"), Monday, AnnounceType.New),
            new HarvestedPaper(Papers.Sample("2506.00003"), Monday, AnnounceType.New),
        ], crashAt: 1);

        await Assert.ThrowsAsync<IOException>(() => Store.SavePageAsync("oai", "oai|x", page, "token-3"));

        Assert.Equal(1, await Store.CountPapersAsync());
        Assert.Equal("token-2", await Store.GetCheckpointAsync("oai|x"));
        Assert.Single(await Store.GetSightingsAsync(Monday, Monday));
    }

    [Fact]
    public async Task The_same_page_saved_twice_changes_nothing()
    {
        var page = Enumerable.Range(1, 50).Select(i => new HarvestedPaper(Papers.Sample($"2506.{i:D5}"), Monday, AnnounceType.New)).ToList();
        await Store.SavePageAsync("listing", "k", page, null);
        var first = await Store.GetPapersAnnouncedAsync(Monday, Monday);
        await Store.SavePageAsync("listing", "k", page, null);
        var second = await Store.GetPapersAnnouncedAsync(Monday, Monday);
        Assert.Equal(50, second.Count);
        Assert.Equal(first.Select(p => (p.Id, p.Title, p.Version, p.Announced)), second.Select(p => (p.Id, p.Title, p.Version, p.Announced)));
        Assert.Equal(50, (await Store.GetSightingsAsync(Monday, Monday)).Count);
    }
}
