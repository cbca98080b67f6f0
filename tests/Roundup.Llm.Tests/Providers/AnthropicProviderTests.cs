using Microsoft.Extensions.AI;
using Roundup.Testing.Llm;

namespace Roundup.Llm.Tests.Providers;

public sealed class AnthropicProviderTests
{
    [Fact]
    public async Task The_answer_and_its_token_counts_come_back_through_the_chat_client()
    {
        await using var server = new FakeAnthropicServer(_ => new ChatReply { Content = "Read the second one.", PromptTokens = 250, CompletionTokens = 6 });
        using var client = ChatClientFactory.Create(Options(server));

        var response = await client.GetResponseAsync(
            [new(ChatRole.System, "You are a curator."), new(ChatRole.User, "Which paper?")],
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Read the second one.", response.Text);
        Assert.Equal(250, response.Usage?.InputTokenCount);
        Assert.Equal(6, response.Usage?.OutputTokenCount);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        var call = Assert.Single(server.Calls);
        Assert.Equal("claude-test", call.Model);
        Assert.Equal("You are a curator.", FakeAnthropicServer.SystemOf(call));
        Assert.Equal([("user", "Which paper?")], call.Chat.Messages);
        Assert.Equal(1234, call.Json["max_tokens"]?.GetValue<int>());

        // This SDK version sends the key as a bearer token; the SDK's own deadline is the 30 s backstop past ours.
        Assert.Equal("Bearer sk-ant-test", call.Header("Authorization"));
        Assert.NotNull(call.Header("anthropic-version"));
        Assert.Equal("40", call.Header("X-Stainless-Timeout"));
    }

    [Fact]
    public async Task The_callers_output_limit_wins_over_the_configured_one()
    {
        await using var server = new FakeAnthropicServer(_ => ChatReply.Raw("short"));
        using var client = ChatClientFactory.Create(Options(server));

        await client.GetResponseAsync([new(ChatRole.User, "hi")], new ChatOptions { MaxOutputTokens = 77 }, TestContext.Current.CancellationToken);

        Assert.Equal(77, Assert.Single(server.Calls).Json["max_tokens"]?.GetValue<int>());
    }

    [Fact]
    public async Task A_streamed_answer_arrives_in_pieces_and_ends_with_the_counts()
    {
        await using var server = new FakeAnthropicServer(_ => new ChatReply { Content = "alpha beta gamma", PromptTokens = 40, CompletionTokens = 3 });
        using var client = ChatClientFactory.Create(Options(server));

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "Three words.")], cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.True(Assert.Single(server.Calls).Streams(absent: false));
        Assert.True(updates.Count(u => u.Text.Length > 0) >= 3);
        Assert.Equal("alpha beta gamma", response.Text);
        Assert.Equal(40, response.Usage?.InputTokenCount);
        Assert.Equal(3, response.Usage?.OutputTokenCount);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(529)]
    [InlineData(429)]
    public async Task A_retryable_error_is_reported_after_one_attempt(int status)
    {
        await using var server = new FakeAnthropicServer(_ => new ChatReply { Status = status, Content = "overloaded" });
        using var client = ChatClientFactory.CreateProviderClient(Options(server));

        await Assert.ThrowsAnyAsync<Exception>(() =>
            client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Single(server.Calls);
    }

    [Fact]
    public async Task A_late_answer_is_a_timeout_naming_the_limit()
    {
        await using var server = new FakeAnthropicServer(_ => new ChatReply { Content = "late", Delay = TimeSpan.FromSeconds(8) });
        var options = Options(server);
        options.TimeoutSeconds = 1.5;
        options.MaxRetries = 0;
        using var client = ChatClientFactory.Create(options);

        var error = await Assert.ThrowsAsync<Roundup.Llm.Resilience.LlmUnavailableException>(() =>
            client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("1.5 s", error.Message, StringComparison.Ordinal);
        Assert.Single(server.Calls);
    }

    private static LlmOptions Options(FakeAnthropicServer server) => new()
    {
        Provider = "anthropic",
        Endpoint = server.Endpoint,
        Model = "claude-test",
        ApiKey = "sk-ant-test",
        MaxOutputTokens = 1234,
        TimeoutSeconds = 10,
    };
}
