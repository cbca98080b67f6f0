using System.Diagnostics;
using System.Globalization;
using Roundup.FullText;
using Roundup.FullText.Facts;
using Roundup.Papers;
using Roundup.Writing.Offline;
using Roundup.Writing.Tldr;
using Roundup.Writing.Writers;

namespace Roundup.Bench;

/// <summary>
/// The offline writer on a week's picks: N entries (default 20) written from full texts by one writer with the shipped
/// TL;DR model, alternating two papers of ../shared/data/fulltext (a LaTeX source and a PDF, the unit test's two
/// papers). Reading the full texts and extracting their facts is done first, untimed. After one warm-up entry, prints
/// the time of each round of N entries and the median.
/// </summary>
public static class WriteOfflineBench
{
    private static readonly string[] Papers =
    [
        "latex_sources/2004.14974_SciFact_arxiv-source.tar.gz",
        "pdfs/2212.08410v3_teaching-small-lms-to-reason.pdf",
    ];

    public static void Run(string fullTextFolder, int entries, int rounds)
    {
        var reader = new FullTextReader();
        var evidence = Papers.Select(p => reader.Read(Path.Combine(fullTextFolder, p))).ToList();
        var papers = Enumerable.Range(0, entries).Select(i => ToWrite(evidence[i % evidence.Count])).ToList();
        var writer = new OfflineWriter(TldrModel.Default);
        writer.Write(papers[0]);

        var times = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            var watch = Stopwatch.StartNew();
            var written = papers.Select(writer.Write).Count();
            times.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: {written} entries in {times[^1]:F0} ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{entries} entries, median of {rounds}: {Bench.Median(times):F0} ms ({Bench.Median(times) / entries:F1} ms an entry)"));
    }

    private static PaperToWrite ToWrite(PaperEvidence evidence) => new()
    {
        Paper = new Paper
        {
            Id = ArxivId.Parse("2506.01234"),
            Title = evidence.Title.Length > 0 ? evidence.Title : "Untitled",
            Abstract = evidence.Abstract,
            Authors = ["A. Author"],
            Categories = ["cs.LG"],
        },
        Evidence = evidence,
        Facts = FactExtractor.Extract(evidence),
    };
}
