using Microsoft.Extensions.AI;
using Roundup.Llm.Providers;
using Microsoft.Extensions.Logging;
using Roundup.Testing;
using Roundup.Testing.Http;
using Roundup.Testing.Llm;

namespace Roundup.Llm.Tests.Providers;

/// <summary>llama.cpp really loads and runs a tiny random-weight model that the test writes (<see cref="TinyGguf"/>).</summary>
public sealed class LlamaSharpProviderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_tiny_gguf_model_answers_through_the_chat_client_within_the_token_limit()
    {
        using var client = ChatClientFactory.Create(Options(WriteModel()));

        var response = await client.GetResponseAsync(
            [new(ChatRole.System, "You are a curator."), new(ChatRole.User, "the paper and the data")],
            new ChatOptions { MaxOutputTokens = 12, Seed = 7 },
            TestContext.Current.CancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine($"the tiny model answered: {response.Text}");
        Assert.NotEmpty(response.Text);
        Assert.Equal(ChatRole.Assistant, Assert.Single(response.Messages).Role);
        Assert.InRange(response.Usage!.OutputTokenCount!.Value, 1, 12);
        Assert.InRange(response.Usage.InputTokenCount!.Value, 10, 200);
        Assert.Equal("tiny", response.ModelId);
        Assert.IsType<Roundup.Llm.Resilience.ResilientChatClient>(client);
        Assert.Equal(LlmOptions.LlamaSharpProvider, client.GetService<ChatClientMetadata>()?.ProviderName);
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_answer_and_streaming_gives_it_in_pieces()
    {
        using var client = ChatClientFactory.Create(Options(WriteModel()));
        var chatOptions = new ChatOptions { MaxOutputTokens = 16, Seed = 3 };
        ChatMessage[] messages = [new(ChatRole.User, "a model")];

        var whole = await client.GetResponseAsync(messages, chatOptions, TestContext.Current.CancellationToken);
        List<ChatResponseUpdate> updates = [];
        await foreach (var update in client.GetStreamingResponseAsync(messages, chatOptions, TestContext.Current.CancellationToken))
        {
            updates.Add(update);
        }

        var streamed = updates.ToChatResponse();
        Assert.Equal(whole.Text, streamed.Text);
        Assert.Equal(whole.Usage?.OutputTokenCount, streamed.Usage?.OutputTokenCount);
        Assert.True(updates.Count >= 2);
    }

    [Fact]
    public async Task Without_a_limit_from_the_caller_the_configured_one_applies()
    {
        var options = Options(WriteModel());
        options.MaxOutputTokens = 5;
        using var client = ChatClientFactory.Create(options);

        var response = await client.GetResponseAsync([new(ChatRole.User, "the")], cancellationToken: TestContext.Current.CancellationToken);

        Assert.InRange(response.Usage!.OutputTokenCount!.Value, 0, 5);
    }

    [Fact]
    public async Task A_prompt_longer_than_the_context_is_refused_naming_the_setting()
    {
        var options = Options(WriteModel());
        options.ContextSize = 128;
        using var client = ChatClientFactory.Create(options);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            client.GetResponseAsync([new(ChatRole.User, string.Join(' ', Enumerable.Repeat("the paper", 100)))], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("Llm:ContextSize", error.Message, StringComparison.Ordinal);
        Assert.Contains("128-token context", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disposed_client_has_released_the_model_and_says_so()
    {
        var client = ChatClientFactory.Create(Options(WriteModel()));
        await client.GetResponseAsync([new(ChatRole.User, "the")], new ChatOptions { MaxOutputTokens = 2 }, TestContext.Current.CancellationToken);

        client.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() =>
            client.GetResponseAsync([new(ChatRole.User, "the")], cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void A_model_without_a_chat_template_is_prompted_as_a_transcript()
    {
        using var client = LlamaSharpChatClient.Load(WriteModel(), "tiny", contextSize: 256, defaultMaxOutputTokens: 4);

        Assert.False(client.UsesChatTemplate);
        Assert.Equal(256, client.ContextSize);
    }

    [Fact]
    public async Task A_model_with_a_chat_template_llama_cpp_knows_is_prompted_through_it()
    {
        var path = _temp.File("chatml.gguf");
        TinyGguf.Write(path, chatTemplate: ChatMlTemplate);
        using var client = LlamaSharpChatClient.Load(path, "chatml", contextSize: 512, defaultMaxOutputTokens: 6);

        var response = await client.GetResponseAsync([new(ChatRole.User, "the")], new ChatOptions { Seed = 5 }, TestContext.Current.CancellationToken);

        Assert.True(client.UsesChatTemplate);
        Assert.InRange(response.Usage!.OutputTokenCount!.Value, 1, 6);

        // "<|im_start|>user\nthe<|im_end|>\n<|im_start|>assistant\n" is not in the tiny vocabulary: it costs a token a character or so.
        Assert.True(response.Usage.InputTokenCount > 30, $"{response.Usage.InputTokenCount} prompt tokens");
    }

    [Fact]
    public void A_model_whose_chat_template_llama_cpp_does_not_know_falls_back_to_the_transcript()
    {
        var path = _temp.File("odd-template.gguf");
        TinyGguf.Write(path, chatTemplate: "{{ messages | tojson }}");

        using var client = LlamaSharpChatClient.Load(path, "odd", contextSize: 256, defaultMaxOutputTokens: 4);

        Assert.False(client.UsesChatTemplate);
    }

    [Fact]
    public void Llama_cpp_warnings_reach_the_logger_and_its_chatter_does_not()
    {
        var logger = new RecordingLogger<LlamaSharpProviderTests>();
        var options = Options(WriteModel());
        options.ContextSize = 2048; // more than the 512 tokens the tiny model was "trained" for

        using var client = ChatClientFactory.Create(options, logger);

        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.StartsWith("llama.cpp: ", StringComparison.Ordinal) && e.Message.Contains("n_ctx_train", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Entries, e => e.Level < LogLevel.Warning);
    }

    [Fact]
    public void A_file_that_llama_cpp_cannot_load_is_named_in_the_error()
    {
        // The right magic passes validation; the truncated header does not pass llama.cpp.
        var path = _temp.File("broken.gguf");
        File.WriteAllBytes(path, [.. "GGUF"u8, 3, 0, 0, 0, 1]);

        var error = Assert.Throws<InvalidOperationException>(() => ChatClientFactory.Create(Options(path)));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("could not be loaded", error.Message, StringComparison.Ordinal);
    }

    private const string ChatMlTemplate =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

    private string WriteModel()
    {
        var path = _temp.File("tiny.gguf");
        TinyGguf.Write(path);
        return path;
    }

    private static LlmOptions Options(string modelPath) => new()
    {
        Provider = "llamasharp",
        ModelPath = modelPath,
        ContextSize = 512,
        TimeoutSeconds = 60,
    };
}
