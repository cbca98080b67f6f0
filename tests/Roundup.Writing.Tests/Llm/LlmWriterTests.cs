using Roundup.Issues;
using Roundup.Testing;
using Roundup.Testing.Llm;
using Roundup.Writing.Llm;

namespace Roundup.Writing.Tests.Llm;

public sealed class LlmWriterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_good_answer_becomes_the_entry_with_its_tokens_latency_and_cost()
    {
        await using var server = new FakeChatServer(_ => WritingTestData.Good());
        var (writer, client) = WritingTestData.Writer(WritingTestData.Options(server, _temp.Path));
        using var _ = client;

        var entry = await writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        WritingTestData.AssertSameText(new EntryText(WritingTestData.GoodTldr, WritingTestData.GoodSummary, WritingTestData.GoodCommentary), entry.Text);
        Assert.Equal("llm:test-model", entry.Writer);
        Assert.Equal("llm:test-model", writer.Id);
        Assert.Empty(entry.Flags);
        Assert.Equal((100L, 20L, 0.00018m, false), (entry.Usage.InputTokens, entry.Usage.OutputTokens, entry.Usage.Cost, entry.Usage.Cached));
        Assert.True(entry.Usage.Latency > TimeSpan.Zero);

        var call = Assert.Single(server.Calls);
        Assert.Equal("test-model", call.Model);
        Assert.Equal("json_schema", call.ResponseFormat?["type"]?.GetValue<string>());
        Assert.Contains("Test Weekly", call.System, StringComparison.Ordinal);
        Assert.Contains("- Methods that make inference cheaper", call.System, StringComparison.Ordinal);
        Assert.Contains(WriteMessages.DataRule, call.System, StringComparison.Ordinal);
        Assert.Equal([WritingTestData.Id], call.Ids);
        Assert.Contains("<evidence>Sections: 1 Introduction; 4 Experiments; 6 Limitations.", call.User, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_is_asked_again_and_the_second_answer_counts_with_both_calls_billed()
    {
        await using var server = new FakeChatServer(call => call.Index == 0 ? ChatReply.Raw("{\"id\": \"2506.01234\", \"tldr\": \"Route") : WritingTestData.Good());
        var (writer, client) = WritingTestData.Writer(WritingTestData.Options(server, _temp.Path));
        using var _ = client;

        var entry = await writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
        Assert.Equal(server.Calls[0].User, server.Calls[1].User);
        Assert.Equal(WritingTestData.GoodTldr, entry.Text.Tldr);
        Assert.Equal((200L, 40L, 0.00036m), (entry.Usage.InputTokens, entry.Usage.OutputTokens, entry.Usage.Cost));
    }

    [Fact]
    public async Task An_answer_for_the_wrong_paper_is_never_accepted()
    {
        await using var server = new FakeChatServer(_ => ChatReply.Raw(WritingTestData.Answer(id: "9999.99999")));
        var (writer, client) = WritingTestData.Writer(WritingTestData.Options(server, _temp.Path, o => o.MaxRetries = 2));
        using var _ = client;

        var error = await Assert.ThrowsAsync<LlmWriterException>(() => writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken));

        Assert.Equal(3, server.Calls.Count);
        Assert.Equal("llm:test-model: the model answered for paper \"9999.99999\" instead of 2506.01234 after 3 attempts", error.Message);
        Assert.Equal(300, error.Usage.InputTokens);
    }

    [Fact]
    public async Task A_timeout_is_asked_again_and_only_the_answered_call_is_billed()
    {
        await using var server = new FakeChatServer(call => call.Index == 0 ? WritingTestData.Good() with { Delay = TimeSpan.FromSeconds(8) } : WritingTestData.Good());
        var (writer, client) = WritingTestData.Writer(WritingTestData.Options(server, _temp.Path, o => o.TimeoutSeconds = 1.5));
        using var _ = client;

        var entry = await writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
        Assert.Equal(WritingTestData.GoodTldr, entry.Text.Tldr);
        Assert.Equal(100, entry.Usage.InputTokens);
        Assert.True(entry.Usage.Latency >= TimeSpan.FromSeconds(1.5), $"latency {entry.Usage.Latency} leaves out the timed-out attempt");
    }

    [Fact]
    public async Task Timeouts_on_every_attempt_fail_the_paper_saying_so()
    {
        await using var server = new FakeChatServer(_ => WritingTestData.Good() with { Delay = TimeSpan.FromSeconds(8) });
        var (writer, client) = WritingTestData.Writer(WritingTestData.Options(server, _temp.Path, o =>
        {
            o.TimeoutSeconds = 1.5;
            o.MaxRetries = 1;
        }));
        using var _ = client;

        var error = await Assert.ThrowsAsync<LlmWriterException>(() => writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken));

        Assert.Equal(2, server.Calls.Count);
        Assert.Equal("llm:test-model: the model timed out after 2 attempts", error.Message);
        Assert.Equal(0, error.Usage.InputTokens);
    }

    [Fact]
    public async Task A_429_is_waited_out_and_asked_again()
    {
        await using var server = new FakeChatServer(call => call.Index == 0 ? new ChatReply { Status = 429, Content = "rate limited" } : WritingTestData.Good());
        var (writer, client) = WritingTestData.Writer(WritingTestData.Options(server, _temp.Path));
        using var _ = client;

        var entry = await writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
        Assert.Equal(WritingTestData.GoodTldr, entry.Text.Tldr);
    }

    [Fact]
    public async Task A_429_is_the_clients_to_retry_and_a_malformed_answer_after_it_the_writers()
    {
        await using var server = new FakeChatServer(call => call.Index switch
        {
            0 => new ChatReply { Status = 429, Content = "rate limited" },
            1 => ChatReply.Raw("{\"id\": \"2506.01234\", \"tldr\": "),
            _ => WritingTestData.Good(),
        });
        var (writer, client) = WritingTestData.Writer(WritingTestData.Options(server, _temp.Path, o => o.MaxRetries = 1));
        using var _ = client;

        var entry = await writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        Assert.Equal(3, server.Calls.Count);
        Assert.Equal(WritingTestData.GoodTldr, entry.Text.Tldr);
        Assert.Equal(200, entry.Usage.InputTokens);
    }

    [Fact]
    public async Task Only_429s_fail_the_paper_as_rate_limited()
    {
        await using var server = new FakeChatServer(_ => new ChatReply { Status = 429, Content = "rate limited" });
        var (writer, client) = WritingTestData.Writer(WritingTestData.Options(server, _temp.Path, o => o.MaxRetries = 1));
        using var _ = client;

        var error = await Assert.ThrowsAsync<LlmWriterException>(() => writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken));

        Assert.Equal(2, server.Calls.Count);
        Assert.Equal("llm:test-model: the model was rate-limited (HTTP 429) after 2 attempts", error.Message);
    }

    [Fact]
    public async Task A_refused_key_is_not_asked_again()
    {
        await using var server = new FakeChatServer(_ => new ChatReply { Status = 401, Content = "bad key" });
        var (writer, client) = WritingTestData.Writer(WritingTestData.Options(server, _temp.Path));
        using var _ = client;

        var error = await Assert.ThrowsAsync<LlmWriterException>(() => writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken));

        Assert.Single(server.Calls);
        Assert.StartsWith("llm:test-model: the endpoint refused the request (401)", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"id\": \"2506.01234\", \"tldr\": \"A.\", \"summary\": [\"B.\"], \"commentary\": \"C.\", \"score\": 9}", "rated the paper (field \"score\")")]
    [InlineData("{\"id\": \"2506.01234\", \"tldr\": \"A.\", \"summary\": [\"B.\"], \"commentary\": \"C.\", \"notes\": \"x\"}", "answered with fields outside the schema (notes)")]
    [InlineData("{\"id\": \"2506.01234\", \"tldr\": \"A.\", \"summary\": [\"B.\"]}", "left out the field \"commentary\"")]
    [InlineData("{\"id\": \"2506.01234\", \"tldr\": \"A.\", \"summary\": \"B.\", \"commentary\": \"C.\"}", "gave a summary that is not a list of paragraphs")]
    [InlineData("{\"id\": \"2506.01234\", \"tldr\": \"A.\", \"summary\": [\"1.\", \"2.\", \"3.\", \"4.\"], \"commentary\": \"C.\"}", "gave 4 summary paragraphs (1 to 3 asked)")]
    [InlineData("{\"id\": \"2506.01234\", \"tldr\": \"\", \"summary\": [\"B.\"], \"commentary\": \"C.\"}", "gave no TL;DR")]
    [InlineData("[{\"id\": \"2506.01234\"}]", "answered with a JSON array instead of an object")]
    [InlineData("{\"id\": \"2506.01234\", \"tldr\": \"A strong paper.\", \"summary\": [\"B.\"], \"commentary\": \"I would rate this paper 9/10.\"}", "rated the paper (\"I would rate this paper\")")]
    [InlineData("{\"id\": \"2506.01234\", \"tldr\": \"A strong paper.\", \"summary\": [\"B.\"], \"commentary\": \"Overall: 9/10.\"}", "rated the paper (\"9/10\")")]
    [InlineData("{\"id\": \"2506.01234\", \"tldr\": \"Strong accept.\", \"summary\": [\"B.\"], \"commentary\": \"C.\"}", "rated the paper (\"Strong accept\")")]
    public async Task Answers_that_depart_from_the_schema_or_rate_the_paper_are_rejected(string answer, string problem)
    {
        await using var server = new FakeChatServer(_ => ChatReply.Raw(answer));
        var (writer, client) = WritingTestData.Writer(WritingTestData.Options(server, _temp.Path, o => o.MaxRetries = 0));
        using var _ = client;

        var error = await Assert.ThrowsAsync<LlmWriterException>(() => writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken));

        Assert.Equal($"llm:test-model: the model {problem} after 1 attempt", error.Message);
    }

    [Fact]
    public async Task A_fenced_answer_with_stray_whitespace_is_read_and_cleaned()
    {
        var answer = "```json\n" + WritingTestData.Answer(tldr: "  RouteMoE-7B runs\n2.1× faster\u200b than Mixtral-8x7B.  ") + "\n```";
        await using var server = new FakeChatServer(_ => ChatReply.Raw(answer));
        var (writer, client) = WritingTestData.Writer(WritingTestData.Options(server, _temp.Path));
        using var _ = client;

        var entry = await writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        Assert.Equal("RouteMoE-7B runs 2.1× faster than Mixtral-8x7B.", entry.Text.Tldr);
    }
}
