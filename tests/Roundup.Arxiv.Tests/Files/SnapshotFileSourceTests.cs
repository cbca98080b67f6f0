using Roundup.Arxiv.Files;
using Roundup.Calendar;
using Roundup.Harvesting;
using Roundup.Testing;

namespace Roundup.Arxiv.Tests.Files;

public sealed class SnapshotFileSourceTests : IDisposable
{
    private static readonly HarvestRequest Everything = new(DateOnly.MinValue, DateOnly.MaxValue, []);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string Record = """
        {"id":"0704.0001","submitter":"Pavel Nadolsky","authors":"C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan","title":"Calculation of prompt diphoton production cross sections at Tevatron and\n  LHC energies","comments":"37 pages, 15 figures; published version","journal-ref":"Phys.Rev.D76:013009,2007","doi":"10.1103/PhysRevD.76.013009","report-no":"ANL-HEP-PR-07-12","categories":"hep-ph","license":null,"abstract":"  A fully differential calculation in perturbative quantum chromodynamics is\npresented.\n","versions":[{"version":"v1","created":"Mon, 2 Apr 2007 19:18:42 GMT"},{"version":"v2","created":"Tue, 24 Jul 2007 20:10:27 GMT"}],"update_date":"2008-11-13","authors_parsed":[["Balázs","C.",""],["Berger","E. L.",""],["Nadolsky","P. M.",""],["Yuan","C. -P.",""]]}
        """;

    [Fact]
    public async Task Reads_a_kaggle_snapshot_record_with_versions_and_an_expected_listing_date()
    {
        var file = _dir.File("snapshot.json");
        await File.WriteAllTextAsync(file, Record + "\n");
        Assert.Equal(FileKind.Snapshot, await FileSources.DetectAsync(file, TestContext.Current.CancellationToken));

        var pages = await new SnapshotFileSource([file], new ArxivCalendar()).ReadAsync(Everything, null).ToListAsync();

        var harvested = Assert.Single(Assert.Single(pages).Papers);
        var p = harvested.Paper;
        Assert.Equal("0704.0001", p.Id.ToString());
        Assert.Equal(2, p.Version);
        Assert.Equal("Calculation of prompt diphoton production cross sections at Tevatron and LHC energies", p.Title);
        Assert.Equal("A fully differential calculation in perturbative quantum chromodynamics is presented.", p.Abstract);
        Assert.Equal(["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C. -P. Yuan"], p.Authors);
        Assert.Equal(["hep-ph"], p.Categories);
        Assert.Equal("10.1103/PhysRevD.76.013009", p.Doi);
        Assert.Equal(new DateTimeOffset(2007, 4, 2, 19, 18, 42, TimeSpan.Zero), p.Submitted);
        Assert.Equal([1, 2], p.Versions.Select(v => v.Number));

        // Monday 2007-04-02 15:18 EDT is after the 14:00 cut-off: announced Tuesday evening, listed Wednesday.
        Assert.Equal(new DateOnly(2007, 4, 4), harvested.ListingDate);
    }

    [Fact]
    public async Task Bad_lines_are_counted_with_their_line_number_and_the_rest_is_read()
    {
        var file = _dir.File("snapshot.json");
        var bad = Record.Replace("\"v2\"", "\"two\"", StringComparison.Ordinal).Replace("0704.0001", "0704.0002", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(file, [Record, "this is not json", bad, "", Record.Replace("0704.0001", "0704.0003", StringComparison.Ordinal)]);

        var pages = await new SnapshotFileSource([file], new ArxivCalendar(), pageSize: 2).ReadAsync(Everything, null).ToListAsync();

        Assert.Equal(["0704.0001", "0704.0003"], pages.SelectMany(p => p.Papers).Select(p => p.Paper.Id.ToString()));
        var problems = pages.SelectMany(p => p.Problems).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Equal($"{file}:2", problems[0].Location);
        Assert.StartsWith("not a JSON record", problems[0].Message, StringComparison.Ordinal);
        Assert.Equal($"{file}:3", problems[1].Location);
        Assert.Contains("version 'two'", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_a_position_and_resuming_from_one_reads_only_what_follows()
    {
        var file = _dir.File("snapshot.json");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, 7).Select(i => Record.Replace("0704.0001", $"0704.{i:D4}", StringComparison.Ordinal)));
        var source = new SnapshotFileSource([file], new ArxivCalendar(), pageSize: 3);

        var all = await source.ReadAsync(Everything, null).ToListAsync();
        Assert.Equal([3, 3, 1], all.Select(p => p.Papers.Count));
        Assert.NotNull(all[0].NextPosition);
        Assert.NotNull(all[1].NextPosition);
        Assert.Null(all[2].NextPosition);
        Assert.Equal([3, 6], all.Take(2).Select(p => Assert.Single(FilesPosition.Parse(p.NextPosition).Files).Line));

        var rest = await source.ReadAsync(Everything, all[0].NextPosition).ToListAsync();
        Assert.Equal(["0704.0004", "0704.0005", "0704.0006", "0704.0007"], rest.SelectMany(p => p.Papers).Select(p => p.Paper.Id.ToString()));
    }
}
