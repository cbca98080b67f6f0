using System.Text;
using Roundup.Arxiv.Api;
using Roundup.Arxiv.Files;
using Roundup.Arxiv.OaiPmh;
using Roundup.Arxiv.Rss;
using Roundup.Arxiv.Xml;
using Roundup.Calendar;
using Roundup.FullText;
using Roundup.Harvesting;

namespace Roundup.Fuzz;

/// <summary>
/// The readers of outside input: listing and snapshot files, the three arXiv interfaces, and the three full-text
/// formats. Nothing of Roundup's (instrumented) code may run before SharpFuzz sets up its coverage map, so the
/// calendar is made on the first input.
/// </summary>
public static class FuzzTargets
{
    private static readonly Lazy<ArxivCalendar> LazyCalendar = new(() => new ArxivCalendar(ArxivHolidays.Known, DayOfWeek.Monday));
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), $"roundup-fuzz-{Environment.ProcessId}");

    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("listing", "daily listing files (JSON lines)", bytes => Drain(new ListingFileSource([File("listing.jsonl", bytes)])), []),
        new("snapshot", "arXiv's metadata snapshot (JSON lines)", bytes => Drain(new SnapshotFileSource([File("snapshot.json", bytes)], LazyCalendar.Value)), []),
        new("oai", "OAI-PMH ListRecords/GetRecord answers", bytes => OaiPmhParser.Parse(Text(bytes), new Uri("https://export.arxiv.org/oai2")), [typeof(ArxivFormatException), typeof(OaiPmhException)]),
        new("atom", "the arXiv API's Atom answers", bytes => ArxivAtomParser.Parse(Text(bytes), "fuzz"), [typeof(ArxivFormatException)]),
        new("rss", "arXiv's RSS 2.0, Atom and RSS 1.0 feeds", bytes => RssFeedParser.Parse(Text(bytes), "fuzz", LazyCalendar.Value), [typeof(ArxivFormatException)]),
        new("latex", "e-print sources: LaTeX, tar, gzip", bytes => new FullTextReader().Read(File("paper.tex", bytes)), [typeof(FullTextException)]),
        new("html", "LaTeXML HTML", bytes => new FullTextReader().Read(File("paper.html", bytes)), [typeof(FullTextException)]),
        new("pdf", "PDF", bytes => new FullTextReader().Read(File("paper.pdf", bytes)), [typeof(FullTextException)]),
    ];

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static string File(string name, byte[] bytes)
    {
        Directory.CreateDirectory(Scratch);
        var path = Path.Combine(Scratch, name);
        System.IO.File.WriteAllBytes(path, bytes);
        return path;
    }

    // A file source reports bad records as problems on its pages; reading them all is the test.
    private static void Drain(IPaperSource source)
    {
        var pages = source.ReadAsync(new HarvestRequest(DateOnly.MinValue, DateOnly.MaxValue, []), null).GetAsyncEnumerator();
        try
        {
            while (pages.MoveNextAsync().AsTask().GetAwaiter().GetResult())
            {
                _ = pages.Current.Papers.Count + pages.Current.Problems.Count;
            }
        }
        finally
        {
            pages.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }
}
