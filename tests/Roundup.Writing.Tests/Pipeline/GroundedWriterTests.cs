using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Issues;
using Roundup.Testing;
using Roundup.Testing.Llm;
using Roundup.Writing.Llm;
using Roundup.Writing.Pipeline;
using Roundup.Writing.Tests.Llm;

namespace Roundup.Writing.Tests.Pipeline;

public sealed class GroundedWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private async Task<(GroundedEntry Entry, ExtractiveTestWriter Fallback, FakeChatServer Server)> WriteAsync(
        Func<ChatCall, ChatReply> model, Writers.PaperToWrite? paper = null, Action<Roundup.Llm.LlmOptions>? configure = null)
    {
        var server = new FakeChatServer(model);
        var (llm, client) = WritingTestData.Writer(WritingTestData.Options(server, _temp.File(Guid.NewGuid().ToString("N")), configure));
        using var _ = client;
        var fallback = new ExtractiveTestWriter();
        var writer = new GroundedWriter(llm, fallback, NullLogger.Instance);
        var entry = await writer.WriteGroundedAsync(paper ?? WritingTestData.ToWrite(), TestContext.Current.CancellationToken);
        await server.DisposeAsync();
        return (entry, fallback, server);
    }

    [Fact]
    public async Task A_good_grounded_answer_is_kept_with_its_counts()
    {
        var (entry, fallback, _) = await WriteAsync(_ => WritingTestData.Good());

        Assert.False(entry.FellBack);
        Assert.Equal(0, fallback.Calls);
        Assert.Equal("llm:test-model", entry.Entry.Writer);
        WritingTestData.AssertSameText(new EntryText(WritingTestData.GoodTldr, WritingTestData.GoodSummary, WritingTestData.GoodCommentary), entry.Entry.Text);
        Assert.True(entry.Checked > 10);
        Assert.Equal(entry.Checked, entry.Found);
        Assert.Empty(entry.Entry.Flags);
    }

    [Fact]
    public async Task One_invented_figure_in_the_summary_is_removed_and_flagged_without_a_fallback()
    {
        string[] summary = [.. WritingTestData.GoodSummary, "A larger model reaches 71.2% on MMLU."];
        var (entry, fallback, _) = await WriteAsync(_ => ChatReply.Raw(WritingTestData.Answer(summary: summary)));

        Assert.False(entry.FellBack);
        Assert.Equal(0, fallback.Calls);
        Assert.Equal(WritingTestData.GoodSummary, entry.Entry.Text.Summary);
        Assert.Equal(entry.Checked - 1, entry.Found);
        Assert.Equal("71.2%", Assert.Single(entry.Unsupported).Text);
        Assert.Contains("grounding: removed from the summary: number \"71.2%\" is not in the paper (\"A larger model reaches 71.2% on MMLU.\")", entry.Entry.Flags);
    }

    [Fact]
    public async Task An_invented_figure_in_the_tldr_falls_back_to_the_other_writer_and_says_why()
    {
        var (entry, fallback, _) = await WriteAsync(_ => ChatReply.Raw(WritingTestData.Answer(tldr: "RouteMoE-7B is 3.4× faster than Mixtral-8x7B.")));

        Assert.True(entry.FellBack);
        Assert.Equal(1, fallback.Calls);
        Assert.Equal("extractive-test (fallback from llm:test-model)", entry.Entry.Writer);
        Assert.Equal("We present RouteMoE, a routing scheme for mixture-of-experts language models.", entry.Entry.Text.Tldr);
        Assert.Equal("fallback: written by extractive-test because llm:test-model was not used: grounding failed: its TL;DR claims \"3.4×\", not found in the paper", entry.Entry.Flags[0]);
        Assert.Contains("extractive: copied from the abstract", entry.Entry.Flags);
        Assert.Equal(entry.Checked, entry.Found);   // the counts are the kept text's

        // The rejected answer was paid for: its tokens count in the entry's usage.
        Assert.Equal((100L, 20L, 0.00018m), (entry.Entry.Usage.InputTokens, entry.Entry.Usage.OutputTokens, entry.Entry.Usage.Cost));
    }

    [Fact]
    public async Task Mostly_invented_claims_fall_back_even_with_a_grounded_tldr()
    {
        string[] summary = [WritingTestData.GoodSummary[0], "It beats Qwen-2-72B, DeepSeek-V3, Gemma-2-9B and Yi-34B on BogusBench, ARC, PIQA and WinoGrande by 12.5 points."];
        var (entry, _, _) = await WriteAsync(_ => ChatReply.Raw(WritingTestData.Answer(summary: summary, commentary: "Worth reading.")));

        Assert.True(entry.FellBack);
        Assert.Equal("grounding failed: 9 of 20 claims were not found in the paper", entry.FallbackReason);
    }

    [Fact]
    public async Task Malformed_answers_on_every_attempt_fall_back_and_the_spent_tokens_still_count()
    {
        var (entry, fallback, server) = await WriteAsync(_ => ChatReply.Raw("{ not json"), configure: o => o.MaxRetries = 1);

        Assert.Equal(2, server.Calls.Count);
        Assert.Equal(1, fallback.Calls);
        Assert.Equal("llm:test-model: the model answered with malformed JSON after 2 attempts", entry.FallbackReason);
        Assert.StartsWith("fallback: written by extractive-test because llm:test-model was not used: llm:test-model: the model answered with malformed JSON", entry.Entry.Flags[0], StringComparison.Ordinal);
        Assert.Equal(200, entry.Entry.Usage.InputTokens);
    }

    [Fact]
    public async Task A_timeout_and_a_429_on_every_attempt_fall_back()
    {
        var (entry, fallback, server) = await WriteAsync(
            call => call.Index == 0 ? WritingTestData.Good() with { Delay = TimeSpan.FromSeconds(8) } : new ChatReply { Status = 429, Content = "slow down" },
            configure: o =>
            {
                o.TimeoutSeconds = 1.5;
                o.MaxRetries = 1;
            });

        Assert.Equal(2, server.Calls.Count);
        Assert.Equal(1, fallback.Calls);
        Assert.Equal("llm:test-model: the model was rate-limited (HTTP 429) after 2 attempts", entry.FallbackReason);
    }

    [Fact]
    public async Task A_writer_that_throws_falls_back_for_that_paper()
    {
        var writer = new GroundedWriter(new FixedTestWriter(_ => throw new InvalidOperationException("the model is not loaded")), new ExtractiveTestWriter(), NullLogger.Instance);

        var entry = await writer.WriteGroundedAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        Assert.Equal("the model is not loaded", entry.FallbackReason);
        Assert.Equal("extractive-test (fallback from fixed-test)", entry.Entry.Writer);
    }

    [Fact]
    public async Task The_fallbacks_text_is_grounded_too_and_an_emptied_tldr_is_flagged()
    {
        var fallback = new FixedTestWriter(_ => new EntryText("It reaches 88.8% on MMLU.", ["It reaches 88.8% on MMLU. RouteMoE routes tokens to fewer experts."], ""));
        var writer = new GroundedWriter(new FixedTestWriter(_ => throw new InvalidOperationException("down")), fallback, NullLogger.Instance);

        var entry = await writer.WriteGroundedAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        Assert.Equal("", entry.Entry.Text.Tldr);
        Assert.Equal(["RouteMoE routes tokens to fewer experts."], entry.Entry.Text.Summary);
        Assert.Equal(["88.8%", "88.8%"], entry.Unsupported.Select(c => c.Text));
        Assert.Equal((3, 5), (entry.Found, entry.Checked));
        Assert.Contains("grounding: no TL;DR was left; the curator must write one", entry.Entry.Flags);
    }

    [Fact]
    public async Task A_writer_that_is_its_own_fallback_is_asked_once_and_its_checked_text_kept()
    {
        var only = new FixedTestWriter(_ => new EntryText("It reaches 88.8% on MMLU.", ["RouteMoE routes tokens to fewer experts."], ""));
        var writer = new GroundedWriter(only, only, NullLogger.Instance);

        var entry = await writer.WriteGroundedAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        Assert.False(entry.FellBack);
        Assert.Equal("fixed-test", entry.Entry.Writer);
        Assert.Equal("", entry.Entry.Text.Tldr);
        Assert.Equal(["RouteMoE routes tokens to fewer experts."], entry.Entry.Text.Summary);
        Assert.Contains("grounding: no TL;DR was left; the curator must write one", entry.Entry.Flags);
    }
}
