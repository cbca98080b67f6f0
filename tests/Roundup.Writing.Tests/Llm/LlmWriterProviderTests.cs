using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Llm;
using Roundup.Testing;
using Roundup.Testing.Llm;
using Roundup.Writing.Llm;

namespace Roundup.Writing.Tests.Llm;

/// <summary>The writer through the other providers' protocols, over real HTTP to fakes on 127.0.0.1.</summary>
public sealed class LlmWriterProviderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Through_ollamas_chat_api_the_answer_becomes_the_entry_and_a_malformed_one_is_asked_again()
    {
        await using var server = new FakeOllamaServer(call => call.Index == 0 ? ChatReply.Raw("{\"tldr\": ") : WritingTestData.Good());
        var options = new LlmOptions
        {
            Provider = LlmOptions.OllamaProvider,
            Endpoint = server.Endpoint,
            Model = "llama3.1:8b",
            TimeoutSeconds = 10,
            CacheDirectory = _temp.Path,
        };
        using var client = ChatClientFactory.Create(options);
        var writer = new LlmWriter(client, options, WritePrompt.Load(), WritingTestData.Profile, NullLogger.Instance);

        var entry = await writer.WriteAsync(WritingTestData.ToWrite(), TestContext.Current.CancellationToken);

        Assert.Equal(WritingTestData.GoodTldr, entry.Text.Tldr);
        Assert.Equal("llm:llama3.1:8b", entry.Writer);
        Assert.Equal(2, server.Calls.Count);
        Assert.True(entry.Usage.InputTokens > 0, "Ollama's token counts are read");
    }
}
