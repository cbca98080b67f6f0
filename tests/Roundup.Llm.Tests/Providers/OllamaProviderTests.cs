using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Llm.Prompts;
using Roundup.Llm.Providers;
using Roundup.Llm.Scoring;
using Roundup.Selection;
using Roundup.Testing;
using Roundup.Testing.Llm;

namespace Roundup.Llm.Tests.Providers;

public sealed class OllamaProviderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_answer_and_its_token_counts_come_back_through_the_chat_client()
    {
        await using var server = new FakeOllamaServer(_ => new ChatReply { Content = "Two papers stand out.", PromptTokens = 321, CompletionTokens = 9 });
        using var client = ChatClientFactory.Create(Options(server));

        var response = await client.GetResponseAsync(
            [new(ChatRole.System, "You are a curator."), new(ChatRole.User, "Which papers?")],
            new ChatOptions { MaxOutputTokens = 50 },
            TestContext.Current.CancellationToken);

        Assert.Equal("Two papers stand out.", response.Text);
        Assert.Equal(321, response.Usage?.InputTokenCount);
        Assert.Equal(9, response.Usage?.OutputTokenCount);
        var call = Assert.Single(server.Calls);
        Assert.Equal("llama3.1:8b", call.Model);
        Assert.False(call.Streams(absent: true));
        Assert.Equal([("system", "You are a curator."), ("user", "Which papers?")], call.Chat.Messages);
        Assert.Equal(50, call.Json["options"]?["num_predict"]?.GetValue<int>());
        Assert.Null(call.Header("Authorization"));
    }

    [Fact]
    public async Task A_streamed_answer_arrives_in_pieces_and_ends_with_the_counts()
    {
        await using var server = new FakeOllamaServer(_ => new ChatReply { Content = "one two three four", PromptTokens = 12, CompletionTokens = 4 });
        using var client = ChatClientFactory.Create(Options(server));

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "Count.")], cancellationToken: TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.True(Assert.Single(server.Calls).Streams(absent: false));
        Assert.True(updates.Count(u => u.Text.Length > 0) >= 4);
        Assert.Equal("one two three four", response.Text);
        Assert.Equal(12, response.Usage?.InputTokenCount);
        Assert.Equal(4, response.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task A_key_is_sent_as_a_bearer_token_to_a_server_behind_a_proxy_path()
    {
        await using var server = new FakeOllamaServer(_ => ChatReply.Raw("ok"));
        var options = Options(server);
        options.ApiKey = "proxy-secret";
        using var client = ChatClientFactory.Create(options);

        await client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Bearer proxy-secret", Assert.Single(server.Calls).Header("Authorization"));
    }

    [Fact]
    public async Task A_server_error_is_reported_after_one_attempt()
    {
        await using var server = new FakeOllamaServer(_ => new ChatReply { Status = 500, Content = "model runner crashed" });
        using var client = ChatClientFactory.CreateProviderClient(Options(server));

        // ErrorResponseCapture throws before OllamaSharp sees the answer, keeping Ollama's own error text.
        var error = await Assert.ThrowsAsync<ProviderHttpException>(() =>
            client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("model runner crashed", error.Detail);
        Assert.Single(server.Calls);
    }

    [Fact]
    public async Task A_late_answer_is_a_timeout_naming_the_limit()
    {
        await using var server = new FakeOllamaServer(_ => new ChatReply { Content = "late", Delay = TimeSpan.FromSeconds(8) });
        var options = Options(server);
        options.TimeoutSeconds = 1.5;
        options.MaxRetries = 0;
        using var client = ChatClientFactory.Create(options);

        var error = await Assert.ThrowsAsync<Roundup.Llm.Resilience.LlmUnavailableException>(() =>
            client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("1.5 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scorer_scores_through_ollama_with_a_json_schema_format()
    {
        await using var server = new FakeOllamaServer(call => ChatReply.ScoreAll(call.Chat, 7));
        var options = Options(server);
        options.CacheDirectory = _temp.Path;
        options.InputPricePerMillion = 1m;
        var scorer = new ChatPaperScorer(ChatClientFactory.Create(options), options, ChatStage.Title, new PromptLibrary(), NullLogger.Instance);

        var results = await scorer.ScoreAsync(TestData.Papers(3), TestData.Profile, TestContext.Current.CancellationToken);

        Assert.All(results, r => Assert.Equal(6 / 9.0, r.Score!.Value, 6));
        var call = Assert.Single(server.Calls);
        Assert.Equal("object", call.Json["format"]?["type"]?.GetValue<string>());
        Assert.Equal(new ScorerUsage(100, 20, 0.0001m), scorer.TakeUsage());
    }

    private static LlmOptions Options(FakeOllamaServer server) => new()
    {
        Provider = "ollama",
        Endpoint = server.Endpoint,
        Model = "llama3.1:8b",
        TimeoutSeconds = 10,
    };
}
