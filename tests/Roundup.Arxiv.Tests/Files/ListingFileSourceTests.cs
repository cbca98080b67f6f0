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
        Assert.Equal(["0:2", "1:0", "1:2", null], pages.Select(p => p.NextPosition));
        var resumed = await source.ReadAsync(Everything, "1:2").ToListAsync();
        Assert.Equal(["2506.00006"], resumed.SelectMany(p => p.Papers).Select(p => p.Paper.Id.ToString()));
    }

    private static string Line(int i, string date) =>
        $$"""{"arxiv_id": "2506.{{i:D5}}", "listing_date": "{{date}}", "title": "Paper {{i}}", "abstract": "x", "authors": ["A"], "primary_category": "cs.LG"}""";
}
