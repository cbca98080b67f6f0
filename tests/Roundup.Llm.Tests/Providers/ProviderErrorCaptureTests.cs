using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Llm.Prompts;
using Roundup.Llm.Providers;
using Roundup.Llm.Resilience;
using Roundup.Llm.Scoring;
using Roundup.Testing;
using Roundup.Testing.Llm;

namespace Roundup.Llm.Tests.Providers;

/// <summary>
/// Ollama's and Anthropic's error answers as <see cref="ErrorResponseCapture"/> keeps them, over real HTTP to their
/// fakes: the wait a 429 asks for and the endpoint's own error text.
/// </summary>
public sealed class ProviderErrorCaptureTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> CapturedProviders => ["ollama", "anthropic"];

    [Theory]
    [MemberData(nameof(CapturedProviders))]
    public async Task The_wait_a_429_asks_for_is_kept(string provider)
    {
        await using var server = new FakeProviderServer(provider, call => call.Index == 0
            ? new ChatReply { Status = 429, Content = "slow down", Headers = new Dictionary<string, string> { ["Retry-After"] = "1" } }
            : ChatReply.ScoreAll(call, 5));
        var options = TestData.Options(server, _temp.Path, o => o.MaxRetries = 1);
        var scorer = new ChatPaperScorer(ChatClientFactory.Create(options, resilience: new ChatResilience { RateLimitWait = TimeSpan.FromMilliseconds(10) }), options, ChatStage.Title, new PromptLibrary(), NullLogger.Instance);
        var started = TimeProvider.System.GetTimestamp();

        var results = await scorer.ScoreAsync(TestData.Papers(2), TestData.Profile, TestContext.Current.CancellationToken);

        var waited = TimeProvider.System.GetElapsedTime(started);
        Assert.Equal(2, server.Calls.Count);
        Assert.True(waited >= TimeSpan.FromSeconds(0.95), $"{provider}: asked again after {waited.TotalMilliseconds:0} ms, not the 1 s Retry-After asked for");
        Assert.All(results, r => Assert.Equal(4 / 9.0, r.Score!.Value, 6));
    }

    [Theory]
    [InlineData("ollama", "retry-after-ms", "1500", 1500)]
    [InlineData("anthropic", "retry-after-ms", "250", 250)]
    [InlineData("ollama", "Retry-After", "3", 3000)]
    [InlineData("anthropic", "Retry-After", "7", 7000)]
    public async Task Either_retry_header_is_read(string provider, string header, string value, int milliseconds)
    {
        var error = await FailureAsync(provider, new ChatReply { Status = 429, Content = "slow down", Headers = new Dictionary<string, string> { [header] = value } });

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), ProviderFailure.RetryAfter(error));
    }

    [Theory]
    [MemberData(nameof(CapturedProviders))]
    public async Task A_wrong_model_is_refused_in_the_endpoints_own_words(string provider)
    {
        await using var server = new FakeProviderServer(provider, _ => new ChatReply { Status = 404, Content = "model 'nope' not found" });
        var options = TestData.Options(server, _temp.Path, o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            TestData.Scorer(options).ScoreAsync(TestData.Papers(3), TestData.Profile, TestContext.Current.CancellationToken));

        Assert.Single(server.Calls);
        Assert.Contains("the endpoint refused the request (404): model 'nope' not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ollamas_json_error_becomes_its_message()
    {
        // The fake sends Ollama's shape: {"error":"model 'nope' not found"}.
        var error = await FailureAsync("ollama", new ChatReply { Status = 404, Content = "model 'nope' not found" });

        Assert.Equal("model 'nope' not found", ProviderFailure.Detail(error));
        Assert.Contains("model 'nope' not found", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(CapturedProviders))]
    public async Task A_long_error_body_is_cut_and_flattened(string provider)
    {
        var body = "line one\n\tline two " + new string('x', 5000);

        var error = await FailureAsync(provider, new ChatReply { Status = 401, Content = body });

        var detail = ProviderFailure.Detail(error);
        Assert.Equal(ErrorResponseCapture.MaxDetailLength, detail.Length);
        Assert.StartsWith("line one line two xxx", detail, StringComparison.Ordinal);
        Assert.EndsWith("…", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_text_body_is_kept_as_text()
    {
        Assert.Equal("Bad Gateway from the proxy", ErrorResponseCapture.Excerpt("  Bad Gateway\r\nfrom the proxy "));
        Assert.Equal("(no error text)", ErrorResponseCapture.Excerpt(""));
        Assert.Equal("{\"detail\":\"x\"}", ErrorResponseCapture.Excerpt("{\"detail\":\"x\"}"));
    }

    private static async Task<Exception> FailureAsync(string provider, ChatReply reply)
    {
        await using var server = new FakeProviderServer(provider, _ => reply);
        using var client = ChatClientFactory.CreateProviderClient(new LlmOptions { Provider = provider, Endpoint = server.Endpoint, Model = "m", ApiKey = "k", TimeoutSeconds = 10 });

        return await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync([new(ChatRole.User, "hi")], cancellationToken: TestContext.Current.CancellationToken));
    }
}
