using System.Diagnostics;
using System.Globalization;
using Roundup.FullText;
using Roundup.FullText.Facts;

namespace Roundup.Bench;

/// <summary>
/// Evidence extraction for a shortlist: every full-text file in a folder read (and its facts extracted) enough
/// rounds to make about <c>papers</c> papers, as the skim stage would from the cache. Prints time per paper and per
/// PDF page.
/// </summary>
public static class FullTextBench
{
    public static void Run(string folder, int papers)
    {
        var files = Directory.GetFiles(folder).Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var reader = new FullTextReader();
        var watch = Stopwatch.StartNew();
        int read = 0, pdfPages = 0, facts = 0;
        var pdfTime = TimeSpan.Zero;
        while (read < papers)
        {
            foreach (var file in files.TakeWhile(_ => read < papers))
            {
                var started = watch.Elapsed;
                var evidence = reader.Read(file);
                facts += FactExtractor.Extract(evidence).Count;
                if (evidence.Format == EvidenceFormat.Pdf)
                {
                    pdfTime += watch.Elapsed - started;
                    pdfPages += PageCount(file);
                }

                read++;
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{read} papers from {files.Count} files in {watch.Elapsed.TotalSeconds:F2} s ({watch.Elapsed.TotalMilliseconds / read:F0} ms a paper); {facts} facts; PDF: {pdfPages} pages, {pdfTime.TotalMilliseconds / Math.Max(1, pdfPages):F1} ms a page"));
    }

    private static int PageCount(string file)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(file);
        return document.NumberOfPages;
    }
}
