using Roundup.Issues;

namespace Roundup.Writing.Writers;

/// <summary>Writes the TL;DR, summary and commentary of one pick. Writers never see hidden text: only the evidence.</summary>
public interface IPaperWriter
{
    /// <summary>"offline", "llm:MODEL": recorded with each entry.</summary>
    string Id { get; }

    Task<WrittenEntry> WriteAsync(PaperToWrite paper, CancellationToken cancellationToken = default);
}
