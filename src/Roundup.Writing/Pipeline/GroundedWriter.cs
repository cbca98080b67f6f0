using Microsoft.Extensions.Logging;
using Roundup.Issues;
using Roundup.Llm;
using Roundup.Writing.Grounding;
using Roundup.Writing.Llm;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Pipeline;

/// <summary>
/// Writes each entry with the primary writer (the LLM) and, for that paper only, with the fallback (the offline
/// writer) when the primary fails or its text fails the <see cref="GroundingRule"/>; the entry's flags say so and
/// why. Whatever text is kept is grounding-checked: unsupported claims and sentences that repeat injected
/// instructions are removed and flagged, and the counts come back with the entry.
/// </summary>
public sealed class GroundedWriter(IPaperWriter primary, IPaperWriter fallback, ILogger logger, GroundingRule? rule = null) : IPaperWriter
{
    private readonly GroundingRule _rule = rule ?? GroundingRule.Default;

    public string Id => primary.Id;

    public async Task<WrittenEntry> WriteAsync(PaperToWrite paper, CancellationToken cancellationToken = default) =>
        (await WriteGroundedAsync(paper, cancellationToken)).Entry;

    public async Task<GroundedEntry> WriteGroundedAsync(PaperToWrite paper, CancellationToken cancellationToken = default)
    {
        var source = GroundingSource.For(paper);
        var id = paper.Paper.Id.Canonical;
        string why;
        WriterUsage spent;
        try
        {
            var first = await primary.WriteAsync(paper, cancellationToken);
            var (text, injectionFlags) = InstructionFilter.Apply(first.Text);
            var result = GroundingCheck.Check(text, source);
            var failure = injectionFlags.Count > 0 ? "it repeated instructions planted in the paper text" : _rule.Failure(result);
            if (failure is null || IsSameWriter)
            {
                // With no other writer to turn to, the checked text is the best there is.
                return Grounded(first, result, [.. first.Flags, .. injectionFlags, .. result.Flags(), .. EmptyTldr(result)], first.Usage, null);
            }

            why = $"grounding failed: {failure}";
            spent = first.Usage;
        }
        catch (Exception e) when (!IsSameWriter && (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            why = ModelText.Clean(e.Message);
            spent = (e as LlmWriterException)?.Usage ?? WriterUsage.None;
        }

        logger.LogWarning("{Paper}: {Primary} not used ({Why}); writing it with {Fallback}", id, primary.Id, why, fallback.Id);
        var second = await fallback.WriteAsync(paper, cancellationToken);
        var (kept, flags) = InstructionFilter.Apply(second.Text);
        var checkedText = GroundingCheck.Check(kept, source);
        List<string> notes = [$"fallback: written by {second.Writer} because {primary.Id} was not used: {why}", .. second.Flags, .. flags, .. checkedText.Flags(), .. EmptyTldr(checkedText)];

        var entry = second with { Writer = $"{second.Writer} (fallback from {primary.Id})" };
        return Grounded(entry, checkedText, notes, Add(spent, second.Usage), why);
    }

    /// <summary>The offline writer wrapped as both primary and fallback (no LLM configured) is asked once.</summary>
    private bool IsSameWriter => ReferenceEquals(primary, fallback);

    private static IEnumerable<string> EmptyTldr(GroundingResult result) =>
        result.Kept.Tldr.Length == 0 ? ["grounding: no TL;DR was left; the curator must write one"] : [];

    private static GroundedEntry Grounded(WrittenEntry entry, GroundingResult result, IReadOnlyList<string> flags, WriterUsage usage, string? fallbackReason) =>
        new(entry with { Text = result.Kept, Flags = flags, Usage = usage }, result.Found, result.Checked, result.Unsupported, fallbackReason);

    /// <summary>What the rejected attempt cost is still spent, so it counts in the entry's usage.</summary>
    private static WriterUsage Add(WriterUsage spent, WriterUsage kept) => new(
        spent.InputTokens + kept.InputTokens,
        spent.OutputTokens + kept.OutputTokens,
        spent.Latency + kept.Latency,
        spent.Cost + kept.Cost,
        kept.Cached && spent.InputTokens + spent.OutputTokens == 0);
}
