using Roundup.Testing;
using Roundup.Writing.Evaluation.Dair;

namespace Roundup.Writing.Tests.Evaluation.Dair;

public sealed class DairFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Picks_not_on_arxiv_are_counted_and_bad_lines_named()
    {
        var path = _dir.File("dair.jsonl");
        File.WriteAllLines(path,
        [
            """{"week_start": "2025-06-16", "rank": 1, "arxiv_id": "2506.11555v2", "entry_text": "RAG+  Introduces RAG+."}""",
            """{"week_start": "2025-06-16", "rank": 2, "arxiv_id": null, "entry_text": "A blog post."}""",
            "",
            "not json",
            """{"week_start": "2025-06-16", "rank": 3, "arxiv_id": "not-an-id", "entry_text": "x"}""",
            """{"week_start": "2025-06-16", "rank": 4, "arxiv_id": "2506.00001"}""",
            """["a list"]""",
        ]);

        var contents = DairFile.Read(path);

        Assert.Equal((6, 1), (contents.Lines, contents.NotOnArxiv));
        var entry = Assert.Single(contents.Entries);
        Assert.Equal(("2506.11555", new DateOnly(2025, 6, 16), 1, "RAG+  Introduces RAG+."), (entry.Id.ToString(), entry.Week, entry.Rank, entry.EntryText));
        Assert.Equal([$"{path}:4", $"{path}:5", $"{path}:6", $"{path}:7"], contents.Problems.Select(p => p.Location));
        Assert.Contains("no entry_text", contents.Problems[2].Message, StringComparison.Ordinal);
    }
}
