using Roundup.Issues;

namespace Roundup.Writing.Writers;

/// <summary>A writer's text for one paper, who wrote it, notes for the curator, and what it cost.</summary>
public sealed record WrittenEntry(EntryText Text, string Writer, IReadOnlyList<string> Flags, WriterUsage Usage);

/// <summary>Tokens, latency and estimated cost of writing one entry (zero for the offline writer).</summary>
public sealed record WriterUsage(long InputTokens, long OutputTokens, TimeSpan Latency, decimal Cost, bool Cached)
{
    public static WriterUsage None { get; } = new(0, 0, TimeSpan.Zero, 0m, false);
}
