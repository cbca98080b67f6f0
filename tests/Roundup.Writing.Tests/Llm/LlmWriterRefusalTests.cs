using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Llm;
using Roundup.Testing;
using Roundup.Testing.Llm;
using Roundup.Writing.Llm;
using Roundup.Writing.Offline;
using Roundup.Writing.Pipeline;

namespace Roundup.Writing.Tests.Llm;

/// <summary>Error statuses and answer-changing settings through each provider's client, over real HTTP to its fake.</summary>
public sealed class LlmWriterRefusalTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, int> Refusals => new()
    {
        { "openai", 401 }, { "openai", 404 },
        { "ollama", 401 }, { "ollama", 403 }, { "ollama", 404 },
        { "anthropic", 401 }, { "anthropic", 403 }, { "anthropic", 404 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refusal_is_asked_once_and_every_paper_falls_back_to_the_offline_writer_saying_why(string provider, int status)
    {
        await using var server = new FakeProviderServer(provider, _ => new ChatReply { Status = status, Content = "not for you" });
        var options = Options(server, o => o.MaxRetries = 2);
        using var client = ChatClientFactory.Create(options, resilience: WritingTestData.FastRetries);
        var writer = new GroundedWriter(Writer(client, options), new OfflineWriter(), NullLogger.Instance);
        var paper = WritingTestData.ToWrite();
        var other = paper with { Paper = paper.Paper with { Id = Roundup.Papers.ArxivId.Parse("2506.04321") } };

        var first = await writer.WriteGroundedAsync(paper, TestContext.Current.CancellationToken);
        var second = await writer.WriteGroundedAsync(other, TestContext.Current.CancellationToken);

        Assert.Single(server.Calls);
        Assert.All([first, second], entry =>
        {
            Assert.StartsWith($"llm:test-model: the endpoint refused the request ({status})", entry.FallbackReason, StringComparison.Ordinal);
            Assert.Equal("offline (fallback from llm:test-model)", entry.Entry.Writer);
            Assert.NotEmpty(entry.Entry.Text.Tldr);
        });
    }

    [Theory]
    [MemberData(nameof(FakeProviderServer.Providers), MemberType = typeof(FakeProviderServer))]
    public async Task A_429_is_waited_out_and_the_next_answer_becomes_the_entry(string provider)
    {
        await using var server = new FakeProviderServer(provider, call => call.Index == 0
            ? new ChatReply { Status = 429, Content = "slow down" }
            : WritingTestData.Good());
        var options = Options(server, o => o.MaxRetries = 1);
        using var client = ChatClientFactory.Create(options, resilience: WritingTestData.FastRetries);

        var entry = await Writer(client, options).WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        Assert.Equal(2, server.Calls.Count);
        Assert.Equal(WritingTestData.GoodTldr, entry.Text.Tldr);
    }

    [Fact]
    public async Task The_cache_is_reused_for_the_same_settings_and_not_after_an_answer_changing_one()
    {
        await using var server = new FakeProviderServer("anthropic", _ => WritingTestData.Good());
        var cached = await WriteAsync(Options(server));

        var afterTimeoutAndRetries = await WriteAsync(Options(server, o =>
        {
            o.TimeoutSeconds = 20;
            o.MaxRetries = 0;
        }));
        Assert.Single(server.Calls);
        Assert.False(cached.Usage.Cached);
        Assert.True(afterTimeoutAndRetries.Usage.Cached);

        var afterLimit = await WriteAsync(Options(server, o => o.MaxOutputTokens = 512));
        Assert.Equal(2, server.Calls.Count);
        Assert.False(afterLimit.Usage.Cached);
        Assert.Equal(512, MaxTokens(server, 1));
    }

    private static int MaxTokens(FakeProviderServer server, int call) =>
        System.Text.Json.Nodes.JsonNode.Parse(server.Calls[call].Body)!["max_tokens"]!.GetValue<int>();

    private static async Task<Writers.WrittenEntry> WriteAsync(LlmOptions options)
    {
        using var client = ChatClientFactory.Create(options, resilience: WritingTestData.FastRetries);
        return await Writer(client, options).WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);
    }

    private static LlmWriter Writer(Microsoft.Extensions.AI.IChatClient client, LlmOptions options) =>
        new(client, options, WritePrompt.Load(), WritingTestData.Profile, NullLogger.Instance);

    private LlmOptions Options(FakeProviderServer server, Action<LlmOptions>? configure = null)
    {
        var options = new LlmOptions
        {
            Provider = server.Provider,
            Endpoint = server.Endpoint,
            Model = WritingTestData.Model,
            ApiKey = "test-key",
            TimeoutSeconds = 10,
            CacheDirectory = _temp.Path,
        };
        configure?.Invoke(options);
        return options;
    }
}
