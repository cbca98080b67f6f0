using Roundup.Arxiv.Files;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Testing;

namespace Roundup.Arxiv.Tests.Files;

public sealed class ListingFileSourceTests : IDisposable
{
    private static readonly HarvestRequest Everything = new(DateOnly.MinValue, DateOnly.MaxValue, []);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Reads_every_real_june_listing_with_its_date_and_no_bad_record()
    {
        var listings = SharedData.Require("arxiv/listings");
        var files = Directory.GetFiles(listings, "*.jsonl").Order().ToList();

        var pages = await new ListingFileSource(files).ReadAsync(Everything, null).ToListAsync();
        var papers = pages.SelectMany(p => p.Papers).ToList();

        Assert.Equal(7899, papers.Count);
        Assert.Empty(pages.SelectMany(p => p.Problems));
        Assert.Equal(7899, papers.Select(p => p.Paper.Id).Distinct().Count());
        Assert.All(papers, p => Assert.Equal(p.ListingDate, p.Paper.Announced));
        Assert.Equal(777, papers.Count(p => p.ListingDate == new DateOnly(2025, 6, 23)));
        Assert.All(papers, p => Assert.Null(PaperLimits.Check(p.Paper)));
    }

    [Fact]
    public async Task Primary_category_comes_first_and_known_categories_follow()
    {
        var file = _dir.File("day.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"arxiv_id": "2506.00001", "listing_date": "2025-06-23", "title": "T\n  wrapped", "abstract": "", "authors": ["A"], "comment": null, "primary_category": "cs.CV", "categories": ["cs.LG", "cs.CV"]}""",
            """{"arxiv_id": "2506.00002v2", "listing_date": "2025-06-23", "title": "U", "abstract": "", "authors": [], "comment": "  ", "primary_category": null, "categories": null}""",
        ]);

        var papers = (await new ListingFileSource([file]).ReadAsync(Everything, null).ToListAsync()).SelectMany(p => p.Papers).ToList();

        Assert.Equal(["cs.CV", "cs.LG"], papers[0].Paper.Categories);
        Assert.Equal("T wrapped", papers[0].Paper.Title);
        Assert.Empty(papers[1].Paper.Categories);
        Assert.Equal(2, papers[1].Paper.Version);
        Assert.Equal("2506.00002", papers[1].Paper.Id.ToString());
        Assert.Null(papers[1].Paper.Comment);
    }

    [Fact]
    public async Task Several_files_resume_at_the_file_and_line_stored_last()
    {
        var a = _dir.File("a.jsonl");
        var b = _dir.File("b.jsonl");
        await File.WriteAllLinesAsync(a, Enumerable.Range(1, 3).Select(i => Line(i, "2025-06-23")));
        await File.WriteAllLinesAsync(b, Enumerable.Range(4, 3).Select(i => Line(i, "2025-06-24")));
        var source = new ListingFileSource([a, b], pageSize: 2);

        var pages = await source.ReadAsync(Everything, null).ToListAsync();
        Assert.Equal(4, pages.Count);
        Assert.Null(pages[^1].NextPosition);
        var third = FilesPosition.Parse(pages[2].NextPosition).Files;
        Assert.Equal([(Path.GetFullPath(a), 3, true), (Path.GetFullPath(b), 2, false)], third.Select(f => (f.Path, f.Line, f.Done)));

        var resumed = await source.ReadAsync(Everything, pages[2].NextPosition).ToListAsync();
        Assert.Equal(["2506.00006"], resumed.SelectMany(p => p.Papers).Select(p => p.Paper.Id.ToString()));
        Assert.Equal($"{b}:3-3", Assert.Single(resumed).Location);
    }

    [Fact]
    public async Task A_file_changed_after_it_was_read_is_read_again_on_resume_and_an_unchanged_one_is_not()
    {
        var a = _dir.File("a.jsonl");
        var b = _dir.File("b.jsonl");
        await File.WriteAllLinesAsync(a, Enumerable.Range(1, 3).Select(i => Line(i, "2025-06-23")));
        await File.WriteAllLinesAsync(b, Enumerable.Range(4, 3).Select(i => Line(i, "2025-06-24")));
        var source = new ListingFileSource([a, b], pageSize: 2);
        var pages = await source.ReadAsync(Everything, null).ToListAsync();
        var afterA = pages[1].NextPosition; // a read to its end, b not started: where a kill after a's last page leaves it
        Assert.Equal([true], FilesPosition.Parse(afterA).Files.Select(f => f.Done));

        // Unchanged: a is not read again.
        var unchanged = await source.ReadAsync(Everything, afterA).ToListAsync();
        Assert.Equal(["2506.00004", "2506.00005", "2506.00006"], unchanged.SelectMany(p => p.Papers).Select(p => p.Paper.Id.ToString()));
        Assert.All(unchanged, p => Assert.StartsWith(b, p.Location, StringComparison.Ordinal));

        // A record appended to a after the kill: a is read again, the new record with it.
        await File.AppendAllLinesAsync(a, [Line(7, "2025-06-23")]);
        var changed = await source.ReadAsync(Everything, afterA).ToListAsync();
        Assert.Equal(
            ["2506.00001", "2506.00002", "2506.00003", "2506.00007", "2506.00004", "2506.00005", "2506.00006"],
            changed.SelectMany(p => p.Papers).Select(p => p.Paper.Id.ToString()));
    }

    [Fact]
    public async Task A_file_changed_in_the_middle_of_its_reading_is_read_again_from_its_start()
    {
        var a = _dir.File("a.jsonl");
        await File.WriteAllLinesAsync(a, Enumerable.Range(1, 4).Select(i => Line(i, "2025-06-23")));
        var source = new ListingFileSource([a], pageSize: 2);
        var first = (await source.ReadAsync(Everything, null).ToListAsync())[0].NextPosition;

        var same = await source.ReadAsync(Everything, first).ToListAsync();
        Assert.Equal(["2506.00003", "2506.00004"], same.SelectMany(p => p.Papers).Select(p => p.Paper.Id.ToString()));

        // Rewritten with other records before its first page: the stored offset means nothing in it any more.
        await File.WriteAllLinesAsync(a, Enumerable.Range(11, 4).Select(i => Line(i, "2025-06-23")));
        File.SetLastWriteTimeUtc(a, DateTime.UtcNow.AddMinutes(1));
        var rewritten = await source.ReadAsync(Everything, first).ToListAsync();
        Assert.Equal(["2506.00011", "2506.00012", "2506.00013", "2506.00014"], rewritten.SelectMany(p => p.Papers).Select(p => p.Paper.Id.ToString()));
    }

    [Theory]
    [InlineData("1:2")]
    [InlineData("0:0")]
    [InlineData("junk")]
    public async Task A_position_stored_by_an_earlier_version_starts_over(string old)
    {
        var a = _dir.File("a.jsonl");
        var b = _dir.File("b.jsonl");
        await File.WriteAllLinesAsync(a, Enumerable.Range(1, 3).Select(i => Line(i, "2025-06-23")));
        await File.WriteAllLinesAsync(b, Enumerable.Range(4, 3).Select(i => Line(i, "2025-06-24")));

        var pages = await new ListingFileSource([a, b], pageSize: 2).ReadAsync(Everything, old).ToListAsync();

        Assert.Equal(6, pages.SelectMany(p => p.Papers).Count());
        Assert.Empty(pages.SelectMany(p => p.Problems));
    }

    private static string Line(int i, string date) =>
        $$"""{"arxiv_id": "2506.{{i:D5}}", "listing_date": "{{date}}", "title": "Paper {{i}}", "abstract": "x", "authors": ["A"], "primary_category": "cs.LG"}""";
}
