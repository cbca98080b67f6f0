using Roundup.Curation;
using Roundup.Testing;

namespace Roundup.Core.Tests.Curation;

public sealed class CurationFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reads_the_three_curation_formats_with_what_each_gives()
    {
        var path = _dir.File("history.jsonl");
        File.WriteAllLines(path,
        [
            """{"hf_date": "2025-06-12", "arxiv_id": "2506.09113v2", "title": "Seedance  1.0", "abstract": "A video model.", "authors": ["Yu Gao", "Haoyuan Guo"], "upvotes": 31, "github_repo": "https://github.com/ByteDance-Seed/x"}""",
            """{"hf_date": "2024-01-11 00:00", "arxiv_id": "2401.05314", "title": "ANIM-400K", "first_author": "Kevin Cai", "tags": []}""",
            """{"week_start": "2025-06-16", "rank": 3, "arxiv_id": "2506.11555", "entry_text": "RAG+ Introduces RAG+"}""",
            """{"hf_date": "2025-06-13", "arxiv_id": "2506.00001", "authors": [{"name": "Ada Lovelace"}, {"name": ""}]}""",
        ]);

        var (papers, problems) = CurationFile.Read(path);

        Assert.Empty(problems);
        Assert.Equal(["2506.09113", "2401.05314", "2506.11555", "2506.00001"], papers.Select(p => p.Id.ToString()));
        var seedance = papers[0];
        Assert.Equal(new DateOnly(2025, 6, 12), seedance.Date);
        Assert.Equal("Seedance 1.0", seedance.Title);
        Assert.Equal(["Yu Gao", "Haoyuan Guo"], seedance.Authors);
        Assert.Equal(31, seedance.Grade);
        Assert.Equal("https://github.com/ByteDance-Seed/x", seedance.Links);
        Assert.Equal("history", seedance.Source);
        Assert.Equal(["Kevin Cai"], papers[1].Authors);
        Assert.Equal(new DateOnly(2024, 1, 11), papers[1].Date);
        Assert.Equal(8, papers[2].Grade);          // rank 3 of ten
        Assert.Empty(papers[2].Authors);
        Assert.Equal(["Ada Lovelace"], papers[3].Authors);
    }

    [Fact]
    public void A_bad_line_is_named_by_file_and_line_and_the_lines_around_it_are_read()
    {
        var path = _dir.File("bad.jsonl");
        File.WriteAllLines(path,
        [
            """{"hf_date": "2025-06-12", "arxiv_id": "2506.09113", "title": "One"}""",
            """{"hf_date": "2025-06-12", "arxiv_id": """,
            """{"week_start": "2025-06-16", "rank": 1, "arxiv_id": null}""",
            """{"hf_date": "June 12", "arxiv_id": "2506.09114", "title": "No date"}""",
            """{"hf_date": "2025-06-12", "arxiv_id": "not an id", "title": "Bad id"}""",
            """[1, 2]""",
            "",
            """{"hf_date": "2025-06-12", "arxiv_id": "2506.09115", "title": "Two"}""",
        ]);

        var (papers, problems) = CurationFile.Read(path);

        Assert.Equal(["2506.09113", "2506.09115"], papers.Select(p => p.Id.ToString()));
        Assert.Equal([$"{path}:2", $"{path}:3", $"{path}:4", $"{path}:5", $"{path}:6"], problems.Select(p => p.Location));
        Assert.Contains("not a JSON object", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("no arxiv_id", problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("2506.09114: no yyyy-MM-dd date", problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("not an id", problems[3].Message, StringComparison.Ordinal);
    }
}
