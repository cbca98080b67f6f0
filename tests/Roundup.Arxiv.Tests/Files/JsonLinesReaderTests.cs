using System.Text;
using Roundup.Arxiv.Files;
using Roundup.Calendar;
using Roundup.Testing;

namespace Roundup.Arxiv.Tests.Files;

public sealed class JsonLinesReaderTests : IDisposable
{
    private const int Limit = 1024 * 1024;
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_line_far_over_the_limit_is_skipped_unread_in_bounded_memory_and_its_neighbours_are_kept()
    {
        var file = _dir.File("long.jsonl");
        await WriteAsync(file, Line(1, "First"), Line(2, LongTitle(20 * 1024 * 1024)), Line(3, "Third"));
        var reader = Reader([file]);

        var pages = await reader.ReadAsync(null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["2506.00001", "2506.00003"], pages.SelectMany(p => p.Papers).Select(p => p.Paper.Id.ToString()));
        var problem = Assert.Single(pages.SelectMany(p => p.Problems));
        Assert.Equal($"{file}:2", problem.Location);
        Assert.Contains("bytes long (limit 1,048,576): skipped unread", problem.Message, StringComparison.Ordinal);
        Assert.InRange(reader.LargestBuffered, 1, Limit + JsonLinesReader<ListingRecord>.ReadSize);
    }

    [Fact]
    public async Task An_over_long_first_or_last_line_without_a_line_end_is_named_too()
    {
        var first = _dir.File("first.jsonl");
        await WriteAsync(first, Line(1, LongTitle(3 * Limit)), Line(2, "Second"));
        var last = _dir.File("last.jsonl");
        await File.WriteAllTextAsync(last, Line(3, "Third") + "\n" + Line(4, LongTitle(3 * Limit)), TestContext.Current.CancellationToken);
        var reader = Reader([first, last]);

        var pages = await reader.ReadAsync(null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["2506.00002", "2506.00003"], pages.SelectMany(p => p.Papers).Select(p => p.Paper.Id.ToString()));
        Assert.Equal([$"{first}:1", $"{last}:2"], pages.SelectMany(p => p.Problems).Select(p => p.Location));
        Assert.InRange(reader.LargestBuffered, 1, Limit + JsonLinesReader<ListingRecord>.ReadSize);
    }

    [Fact]
    public async Task A_line_just_under_the_limit_is_read_and_a_resume_after_an_over_long_line_continues_after_it()
    {
        var file = _dir.File("edge.jsonl");
        var under = Line(1, LongTitle(Limit - 300));
        Assert.True(Encoding.UTF8.GetByteCount(under) < Limit);
        await WriteAsync(file, under, Line(2, LongTitle(2 * Limit)), Line(3, "Third"), Line(4, "Fourth"));
        var reader = Reader([file], pageSize: 2);

        var pages = await reader.ReadAsync(null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["2506.00001", "2506.00003", "2506.00004"], pages.SelectMany(p => p.Papers).Select(p => p.Paper.Id.ToString()));

        var resumed = await Reader([file], pageSize: 2).ReadAsync(pages[0].NextPosition, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["2506.00003", "2506.00004"], resumed.SelectMany(p => p.Papers).Select(p => p.Paper.Id.ToString()));
        Assert.Empty(resumed.SelectMany(p => p.Problems));
    }

    [Fact]
    public async Task A_page_ends_once_its_lines_hold_the_page_byte_limit()
    {
        var file = _dir.File("big.jsonl");
        await WriteAsync(file, [.. Enumerable.Range(1, 6).Select(i => Line(i, LongTitle(300_000)))]);
        var reader = new JsonLinesReader<ListingRecord>([file], 1000, line => FileJson.Deserialize(line, FileJson.Default.ListingRecord), ListingFileSource.Convert, Limit, maxPageBytes: Limit);

        var pages = await reader.ReadAsync(null, TestContext.Current.CancellationToken).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal([4, 2], pages.Select(p => p.Papers.Count));
    }

    [Fact]
    public async Task Files_of_neither_kind_are_refused_one_by_one_and_the_others_grouped_by_kind()
    {
        var listing = _dir.File("day.jsonl");
        await WriteAsync(listing, Line(1, "One"));
        var weird = _dir.File("weird.jsonl");
        await WriteAsync(weird, "", """{"hello": 1}""");
        var huge = _dir.File("huge.jsonl");
        await WriteAsync(huge, Line(2, LongTitle(PaperLimitsBytes + 10)), Line(3, "Three"));

        var selection = await FileSources.OpenAsync([listing, weird, huge], new ArxivCalendar(), TestContext.Current.CancellationToken);

        var group = Assert.Single(selection.Groups);
        Assert.Equal(FileKind.Listing, group.Kind);
        Assert.Equal([listing, huge], group.Files);
        var refused = Assert.Single(selection.Refused);
        Assert.Equal($"{weird}:2", refused.Location);
        Assert.Contains("neither a listing file", refused.Message, StringComparison.Ordinal);
    }

    private const int PaperLimitsBytes = Roundup.Papers.PaperLimits.MaxRecordBytes;

    private static JsonLinesReader<ListingRecord> Reader(IReadOnlyList<string> files, int pageSize = 1000) =>
        new(files, pageSize, line => FileJson.Deserialize(line, FileJson.Default.ListingRecord), ListingFileSource.Convert, Limit);

    private static string LongTitle(int length) => new('x', length);

    private static async Task WriteAsync(string file, params string[] lines)
    {
        await using var writer = new StreamWriter(file, false, new UTF8Encoding(false));
        foreach (var line in lines)
        {
            await writer.WriteAsync(line);
            await writer.WriteAsync('\n');
        }
    }

    private static string Line(int i, string title) =>
        $$"""{"arxiv_id": "2506.{{i:D5}}", "listing_date": "2025-06-23", "title": "{{title}}", "abstract": "x", "authors": ["A"], "primary_category": "cs.LG"}""";
}
