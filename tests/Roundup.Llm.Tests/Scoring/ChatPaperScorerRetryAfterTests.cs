using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Llm.Resilience;
using Roundup.Llm.Scoring;
using Roundup.Testing;
using Roundup.Testing.Llm;

namespace Roundup.Llm.Tests.Scoring;

/// <summary>
/// A 429 that names its wait, from a real HTTP server (the shared fakes send no extra headers): the OpenAI client
/// shows the header, and the scorer waits that long rather than its own default.
/// </summary>
public sealed class ChatPaperScorerRetryAfterTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_wait_a_429_asks_for_is_kept()
    {
        using var listener = Listen(out var endpoint);
        var calls = 0;
        var serving = Task.Run(async () =>
        {
            for (; calls < 2; calls++)
            {
                var context = await listener.GetContextAsync();
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var call = new ChatCall(calls, "POST", context.Request.Url!.AbsolutePath, await reader.ReadToEndAsync());
                string body;
                if (calls == 0)
                {
                    context.Response.StatusCode = 429;
                    context.Response.AddHeader("Retry-After", "1");
                    body = "{\"error\": {\"message\": \"slow down\", \"type\": \"rate_limit\"}}";
                }
                else
                {
                    body = ChatReply.ScoreAll(call, 5).CompletionJson("test-model");
                }

                context.Response.ContentType = "application/json";
                var bytes = Encoding.UTF8.GetBytes(body);
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }, TestContext.Current.CancellationToken);

        var options = new LlmOptions { Endpoint = endpoint, Model = "test-model", ApiKey = "k", TimeoutSeconds = 10, CacheDirectory = "", MaxRetries = 1 };
        var scorer = new ChatPaperScorer(ChatClientFactory.Create(options, resilience: new ChatResilience { RateLimitWait = TimeSpan.FromMilliseconds(10) }), options, ChatStage.Title, new Roundup.Llm.Prompts.PromptLibrary(), NullLogger.Instance);
        var started = TimeProvider.System.GetTimestamp();

        var results = await scorer.ScoreAsync(TestData.Papers(2), TestData.Profile, TestContext.Current.CancellationToken);

        var waited = TimeProvider.System.GetElapsedTime(started);
        await serving;
        Assert.Equal(2, calls);
        Assert.True(waited >= TimeSpan.FromSeconds(0.95), $"asked again after {waited.TotalMilliseconds:0} ms, not the 1 s Retry-After asked for");
        Assert.All(results, r => Assert.Equal(4 / 9.0, r.Score!.Value, 6));
    }

    private static HttpListener Listen(out string endpoint)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        endpoint = $"http://127.0.0.1:{port}/v1";
        return listener;
    }
}
