using Roundup.Issues;
using Roundup.Writing.Grounding;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Tests.Pipeline;

/// <summary>
/// A small fallback for the tests, standing in for the offline writer: the abstract's first sentence as the TL;DR,
/// its sentences as the summary, copied as they are (so injected text in the abstract would be copied too).
/// </summary>
internal sealed class ExtractiveTestWriter : IPaperWriter
{
    public int Calls { get; private set; }

    public string Id => "extractive-test";

    public Task<WrittenEntry> WriteAsync(PaperToWrite paper, CancellationToken cancellationToken = default)
    {
        Calls++;
        var sentences = Sentences.Split(paper.Paper.Abstract);
        var text = new EntryText(sentences[0], [string.Join(' ', sentences)], "Picked for its evaluation.");
        return Task.FromResult(new WrittenEntry(text, Id, ["extractive: copied from the abstract"], WriterUsage.None));
    }
}

/// <summary>A primary writer that writes a fixed text, or fails.</summary>
internal sealed class FixedTestWriter(Func<PaperToWrite, EntryText> write) : IPaperWriter
{
    public string Id => "fixed-test";

    public Task<WrittenEntry> WriteAsync(PaperToWrite paper, CancellationToken cancellationToken = default) =>
        Task.FromResult(new WrittenEntry(write(paper), Id, [], new WriterUsage(10, 5, TimeSpan.FromSeconds(1), 0.5m, false)));
}
