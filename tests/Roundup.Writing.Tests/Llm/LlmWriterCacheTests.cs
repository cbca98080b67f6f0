using Roundup.Testing;
using Roundup.Testing.Llm;
using Roundup.Writing.Llm;

namespace Roundup.Writing.Tests.Llm;

public sealed class LlmWriterCacheTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_rerun_is_answered_from_the_cache_without_a_request_and_costs_nothing()
    {
        await using var server = new FakeChatServer(_ => WritingTestData.Good());
        var options = WritingTestData.Options(server, _temp.File("cache"));
        var (first, firstClient) = WritingTestData.Writer(options);
        using var _ = firstClient;
        var written = await first.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        var (second, secondClient) = WritingTestData.Writer(options);
        using var __ = secondClient;
        var rerun = await second.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        Assert.Single(server.Calls);
        WritingTestData.AssertSameText(written.Text, rerun.Text);
        Assert.Equal((0L, 0L, 0m, true), (rerun.Usage.InputTokens, rerun.Usage.OutputTokens, rerun.Usage.Cost, rerun.Usage.Cached));
    }

    [Fact]
    public async Task A_changed_paper_prompt_or_model_is_asked_again()
    {
        await using var server = new FakeChatServer(_ => WritingTestData.Good());
        var options = WritingTestData.Options(server, _temp.File("cache"));
        var (writer, client) = WritingTestData.Writer(options);
        using var _ = client;
        await writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        await writer.WriteAsync(WritingTestData.ToWrite(summary: WritingTestData.Abstract + " A new version."), TestContext.Current.CancellationToken);
        Assert.Equal(2, server.Calls.Count);

        var overrides = Directory.CreateDirectory(_temp.File("prompts")).FullName;
        await File.WriteAllTextAsync(Path.Combine(overrides, WritePrompt.FileName), "You write for {{name}}. Be brief.", TestContext.Current.CancellationToken);
        var curatorPrompt = WritePrompt.Load(overrides);
        Assert.True(curatorPrompt.IsOverride);
        var (edited, editedClient) = WritingTestData.Writer(options, curatorPrompt);
        using var __ = editedClient;
        await edited.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);
        Assert.Equal(3, server.Calls.Count);
        Assert.StartsWith("You write for Test Weekly. Be brief.", server.Calls[2].System, StringComparison.Ordinal);
        Assert.Contains(WriteMessages.DataRule, server.Calls[2].System, StringComparison.Ordinal);

        var (otherModel, otherClient) = WritingTestData.Writer(WritingTestData.Options(server, _temp.File("cache"), o => o.Model = "other-model"));
        using var ___ = otherClient;
        var entry = await otherModel.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);
        Assert.Equal(4, server.Calls.Count);
        Assert.Equal("llm:other-model", entry.Writer);
    }

    [Fact]
    public async Task An_unreadable_cache_entry_is_a_miss()
    {
        await using var server = new FakeChatServer(_ => WritingTestData.Good());
        var options = WritingTestData.Options(server, _temp.File("cache"));
        var (writer, client) = WritingTestData.Writer(options);
        using var _ = client;
        await writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);
        var file = Assert.Single(Directory.GetFiles(options.CacheDirectory, "*.json", SearchOption.AllDirectories));
        await File.WriteAllTextAsync(file, "{\"version\": 1, \"value\": {\"id\": \"2506.01234\", \"tldr\": \"\"", TestContext.Current.CancellationToken);

        var entry = await writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
        Assert.Equal(WritingTestData.GoodTldr, entry.Text.Tldr);
    }

    [Fact]
    public async Task Rejected_answers_are_not_cached()
    {
        await using var server = new FakeChatServer(call => call.Index == 0 ? ChatReply.Raw("not json") : WritingTestData.Good());
        var options = WritingTestData.Options(server, _temp.File("cache"), o => o.MaxRetries = 0);
        var (writer, client) = WritingTestData.Writer(options);
        using var _ = client;

        await Assert.ThrowsAsync<LlmWriterException>(() => writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken));
        var entry = await writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
        Assert.False(entry.Usage.Cached);
    }
}
