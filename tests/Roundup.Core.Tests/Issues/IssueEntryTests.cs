using Roundup.Issues;
using Roundup.Papers;

namespace Roundup.Core.Tests.Issues;

public sealed class IssueEntryTests
{
    [Theory]
    [InlineData("2506.18879", "p-2506-18879")]
    [InlineData("2506.18879v1", "p-2506-18879")]
    [InlineData("2506.18879v3", "p-2506-18879")]
    [InlineData("hep-th/9901001v2", "p-hep-th-9901001")]
    public void The_anchor_is_the_same_for_every_version_of_the_paper(string id, string anchor)
    {
        var entry = new IssueEntry { Id = ArxivId.Parse(id), Title = "T", Authors = [], Text = new EntryText("t", [], "c"), Writer = "offline" };

        Assert.Equal(anchor, entry.Anchor);
    }
}
