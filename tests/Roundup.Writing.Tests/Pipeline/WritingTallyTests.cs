using Roundup.Issues;
using Roundup.Writing.Pipeline;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Tests.Pipeline;

public sealed class WritingTallyTests
{
    private static GroundedEntry Entry(int found, int checkedCount, WriterUsage usage, string? fallback = null) =>
        new(new WrittenEntry(EntryText.Empty, "llm:m", [], usage), found, checkedCount, [], fallback);

    [Fact]
    public void The_issue_totals_sum_its_entries()
    {
        var tally = new WritingTally();
        tally.Add(Entry(40, 41, new WriterUsage(1_000, 200, TimeSpan.FromSeconds(2), 0.0018m, false)));
        tally.Add(Entry(50, 50, new WriterUsage(0, 0, TimeSpan.FromMilliseconds(5), 0m, true)));
        tally.Add(Entry(52, 54, new WriterUsage(900, 0, TimeSpan.FromSeconds(3), 0.0009m, false), "the model timed out after 3 attempts"));

        Assert.Equal(new GroundingSummary(142, 145), tally.Grounding);
        Assert.Equal("142 of 145 claims found in the papers", tally.Grounding.ToString());
        Assert.Equal((1_900L, 200L, 0.0027m), (tally.Usage.InputTokens, tally.Usage.OutputTokens, tally.Usage.Cost));
        Assert.Equal("3 entries (1 by the fallback writer, 1 from the cache); 142 of 145 claims found in the papers; 1900 input + 200 output tokens, 5.0 s, estimated $0.0027", tally.ToString());
        Assert.Equal(new EntryUsage(900, 0, 3, 0.0009m, false), WritingTally.ToEntryUsage(new WriterUsage(900, 0, TimeSpan.FromSeconds(3), 0.0009m, false)));
    }
}
