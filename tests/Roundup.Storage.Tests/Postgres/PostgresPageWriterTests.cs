using Npgsql;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Storage.Postgres;
using Roundup.Storage.Sqlite;
using Roundup.Testing;
using Roundup.Testing.Postgres;

namespace Roundup.Storage.Tests.Postgres;

/// <summary>
/// The COPY page writer against SQLite's row-at-a-time one: the same pages (new versions, older versions seen late,
/// cross-lists, the same paper twice in one page, announcements in either order) give the same papers and sightings.
/// </summary>
public sealed class PostgresPageWriterTests(PostgresFixture postgres) : IDisposable
{
    private static readonly DateOnly Monday = new(2025, 6, 2);
    private static readonly string[] Categories = ["cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML", "math.OC"];
    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_same_pages_give_the_same_papers_as_the_sqlite_writer()
    {
        var pages = Pages(seed: 15, pageCount: 12, pageSize: 150, ids: 120);
        await using var sqlite = await SqliteStore.OpenAsync(_dir.File("roundup.db"), TimeProvider.System, Ct);
        await using var pg = await PostgresStore.OpenAsync(await postgres.DatabaseAsync(), TimeProvider.System, Ct);

        foreach (var (source, page) in pages)
        {
            await sqlite.SavePageAsync(source, "k", page, "p", Ct);
            await pg.SavePageAsync(source, "k", page, "p", Ct);
        }

        var expected = await Everything(sqlite);
        var actual = await Everything(pg);
        Assert.Equal(120 + 1, expected.Papers.Count);
        Assert.Contains(expected.Papers, p => p.Contains("versions 1,2,3", StringComparison.Ordinal));
        Assert.Equal(expected.Papers, actual.Papers);
        Assert.Equal(expected.Sightings, actual.Sightings);
    }

    [Fact]
    public async Task A_page_stored_again_rewrites_no_row()
    {
        var connectionString = await postgres.DatabaseAsync();
        await using var pg = await PostgresStore.OpenAsync(connectionString, TimeProvider.System, Ct);
        var pages = Pages(seed: 7, pageCount: 3, pageSize: 200, ids: 300);
        foreach (var (source, page) in pages)
        {
            await pg.SavePageAsync(source, "k", page, null, Ct);
        }

        var before = await RowVersions(connectionString);
        var papers = await Everything(pg);
        await pg.SavePageAsync(pages[^1].Source, "k", pages[^1].Page, null, Ct);

        var after = await Everything(pg);
        Assert.Equal(papers.Papers, after.Papers);
        Assert.Equal(papers.Sightings, after.Sightings);
        Assert.Equal(before, await RowVersions(connectionString));
    }

    // Each paper seen several times: versions 1–3 in any order, with or without a listing date, in one to three
    // categories, announced new, cross, replaced, or unknown (OAI-PMH); two sources.
    private static List<(string Source, List<HarvestedPaper> Page)> Pages(int seed, int pageCount, int pageSize, int ids)
    {
        var random = new Random(seed);
        var pages = new List<(string, List<HarvestedPaper>)>();
        for (var p = 0; p < pageCount; p++)
        {
            var page = new List<HarvestedPaper>();
            for (var i = 0; i < pageSize; i++)
            {
                var n = (p * pageSize + i) % ids;
                var id = n % 3 == 0 ? $"math/0611{n:D3}" : $"2506.{n:D5}";
                var version = random.Next(1, 4);
                var cats = Categories.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToArray();
                var type = (AnnounceType)random.Next(0, 4);
                var date = random.Next(5) == 0 ? (DateOnly?)null : Monday.AddDays(random.Next(0, 12));
                var paper = new Paper
                {
                    Id = ArxivId.Parse($"{id}v{version}"),
                    Version = version,
                    Title = $"Title of {id} as of v{version}",
                    Abstract = random.Next(6) == 0 ? "" : $"Abstract of {id} v{version}: ünïcödé, $\\alpha$.",
                    Authors = random.Next(6) == 0 ? [] : [$"Author {n}", "Zoë Müller"],
                    Categories = cats,
                    Comment = random.Next(2) == 0 ? null : $"{version} pages",
                    Doi = random.Next(3) == 0 ? $"10.1000/{n}" : null,
                    Submitted = random.Next(4) == 0 ? null : new DateTimeOffset(2025, 5, 20, 0, 0, 0, TimeSpan.Zero).AddMinutes(random.Next(100_000)),
                    Versions = Enumerable.Range(1, version).Select(v => new PaperVersion(v, random.Next(3) == 0 ? null : new DateTimeOffset(2025, 5, v, 12, 0, 0, TimeSpan.Zero), random.Next(2) == 0 ? null : $"{v * 100}kb")).ToArray(),
                };
                page.Add(new HarvestedPaper(paper, date, type));
            }

            pages.Add((p % 2 == 0 ? "listing" : "oai", page));
        }

        return pages;
    }

    private static async Task<(List<string> Papers, List<string> Sightings)> Everything(IRoundupStore store)
    {
        var first = new DateOnly(2000, 1, 1);
        var last = new DateOnly(2100, 1, 1);
        var ids = Enumerable.Range(0, 400).Select(n => n % 3 == 0 ? $"math/0611{n:D3}" : $"2506.{n:D5}");
        var papers = new List<string>();
        foreach (var id in ids)
        {
            if (await store.Papers.GetPaperAsync(ArxivId.Parse(id), Ct) is { } p)
            {
                papers.Add($"{p.Id} v{p.Version} {p.Title} | {p.Abstract} | {string.Join(";", p.Authors)} | {string.Join(" ", p.Categories)} | {p.Comment} | {p.JournalRef} | {p.Doi} | {p.License} | {p.Submitted:O} | {p.Announced} {p.AnnounceType} | versions {string.Join(",", p.Versions.Select(v => v.Number))} {string.Join(",", p.Versions.Select(v => $"{v.Submitted:O}/{v.Size}"))}");
            }
        }

        var announced = await store.Papers.GetPapersAnnouncedAsync(first, last, Ct);
        papers.Add("announced: " + string.Join(",", announced.Select(p => p.Id.Canonical)));
        var sightings = (await store.Harvest.GetSightingsAsync(first, last, Ct)).Select(s => $"{s.Source} {s.ListingDate} {s.PaperId} {s.Type} {string.Join(" ", s.Categories)}").ToList();
        return (papers, sightings);
    }

    // xmin changes whenever a row is rewritten, even with the same values.
    private static async Task<List<string>> RowVersions(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT 'p ' || id || ' ' || xmin::text FROM papers
            UNION ALL SELECT 'v ' || paper_id || ' ' || version || ' ' || xmin::text FROM paper_versions
            UNION ALL SELECT 's ' || source || paper_id || listing_date || ' ' || xmin::text FROM sightings
            ORDER BY 1
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
