using Roundup.Testing;
using Roundup.Writing.Tldr;

namespace Roundup.Writing.Tests.Tldr;

public sealed class SciTldrFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Reads_source_sentences_targets_and_title()
    {
        File.WriteAllText(_dir.File("SciTLDR-A_dev.jsonl"),
            """
            {"source": ["First.", "Second."], "source_labels": [0, 1], "rouge_scores": [0.1, 0.2], "paper_id": "abc", "target": ["One TL;DR.", "Another."], "title": "A Title"}

            """);

        var paper = Assert.Single(SciTldrFile.ReadSplit(_dir.Path, "dev"));

        Assert.Equal(("abc", "A Title"), (paper.Id, paper.Title));
        Assert.Equal(["First.", "Second."], paper.Sentences);
        Assert.Equal(["One TL;DR.", "Another."], paper.Targets);
    }

    [Fact]
    public void A_bad_line_is_named_by_file_and_line()
    {
        var path = _dir.File("SciTLDR-A_train.jsonl");
        File.WriteAllText(path, "{\"source\": [\"A.\"], \"target\": [\"B.\"]}\n{\"source\": [], \"target\": [\"B.\"]}\n");

        var e = Assert.Throws<FormatException>(() => SciTldrFile.Read(path));

        Assert.StartsWith($"{path}:2: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("'source'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_split_names_the_file_it_looked_for()
    {
        var e = Assert.Throws<FileNotFoundException>(() => SciTldrFile.ReadSplit(_dir.Path, "test"));
        Assert.Contains("SciTLDR-A_test.jsonl", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => SciTldrFile.PathOf(_dir.Path, "validation"));
    }
}
