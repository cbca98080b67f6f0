using Roundup.FullText;
using Roundup.FullText.Facts;
using Roundup.Issues;
using Roundup.Writing.Tldr;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Offline;

/// <summary>
/// The default writer, and the fallback when a model fails: extractive and structured, no model call. The TL;DR is the
/// abstract sentence the trained scorer (<see cref="TldrModel"/>) rates most summary-like; the summary quotes the
/// abstract's context and method sentences and the paper's own result sentences with their numbers; the commentary
/// states what the evidence shows (benchmarks, baselines, ablations, scale, code, limitations, hidden text, related
/// papers). Every sentence it quotes is the paper's, so it never states a number the paper does not.
/// </summary>
public sealed class OfflineWriter(TldrModel? model = null) : IPaperWriter
{
    public const string WriterId = "offline";

    private readonly TldrModel _model = model ?? TldrModel.Default;

    public string Id => WriterId;

    public Task<WrittenEntry> WriteAsync(PaperToWrite paper, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Write(paper));
    }

    public WrittenEntry Write(PaperToWrite paper)
    {
        var flags = new List<string>();
        var abstractText = paper.Paper.Abstract.Trim().Length > 0 ? paper.Paper.Abstract : paper.Evidence?.Abstract ?? "";
        var sentences = AbstractSentences.Split(abstractText);
        var facts = FactsOf(paper, abstractText);

        string tldr;
        var pick = _model.Pick(paper.Paper.Title, sentences);
        if (pick < 0)
        {
            tldr = OneLine(paper.Paper.Title);
            flags.Add("no abstract: the TL;DR is the title");
        }
        else
        {
            tldr = TldrCleaner.Clean(sentences[pick], _model.Weights.Cleaning);
            var words = tldr.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (words > SummaryParagraphs.LongSentenceWords)
            {
                flags.Add($"the TL;DR is a long abstract sentence ({words} words): consider shortening it");
            }
        }

        var summary = SummaryParagraphs.Write(paper, sentences, pick, facts, flags);
        var commentary = Commentary.Write(paper, facts, flags);
        return new WrittenEntry(new EntryText(tldr, summary, commentary), WriterId, flags, WriterUsage.None);
    }

    /// <summary>The facts given with the paper; else those found in its evidence; else in its abstract alone.</summary>
    private static IReadOnlyList<Fact> FactsOf(PaperToWrite paper, string abstractText)
    {
        if (paper.Facts.Count > 0)
        {
            return paper.Facts;
        }

        var evidence = paper.Evidence ?? new PaperEvidence { Format = EvidenceFormat.Html, Source = "abstract", Title = paper.Paper.Title, Abstract = abstractText };
        return FactExtractor.Extract(evidence);
    }

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
