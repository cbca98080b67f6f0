using Xunit;

namespace Roundup.Testing.Llm;

/// <summary>
/// The fake of one provider's protocol, chosen by the provider's configuration name (<c>openai</c>, <c>ollama</c>,
/// <c>anthropic</c>), so that one test can run against each: the endpoint to configure and the requests received.
/// </summary>
public sealed class FakeProviderServer : IAsyncDisposable
{
    private readonly FakeChatServer? _openAi;
    private readonly FakeOllamaServer? _ollama;
    private readonly FakeAnthropicServer? _anthropic;

    /// <param name="handler">Gets every request through the chat-completions view (<see cref="ProtocolCall.Chat"/>).</param>
    public FakeProviderServer(string provider, Func<ChatCall, ChatReply> handler)
    {
        Provider = provider;
        switch (provider)
        {
            case "openai":
                _openAi = new FakeChatServer(handler);
                break;
            case "ollama":
                _ollama = new FakeOllamaServer(call => handler(call.Chat));
                break;
            case "anthropic":
                _anthropic = new FakeAnthropicServer(call => handler(call.Chat));
                break;
            default:
                throw new ArgumentException($"no fake server for the provider '{provider}'", nameof(provider));
        }
    }

    /// <summary>Providers with a fake server.</summary>
    public static TheoryData<string> Providers => ["openai", "ollama", "anthropic"];

    public string Provider { get; }

    /// <summary>What <c>Llm:Endpoint</c> should be for <see cref="Provider"/>.</summary>
    public string Endpoint => _openAi?.Endpoint ?? _ollama?.Endpoint ?? _anthropic!.Endpoint;

    public IReadOnlyList<ChatCall> Calls =>
        _openAi?.Calls ?? [.. (_ollama?.Calls ?? _anthropic!.Calls).Select(c => c.Chat)];

    public ValueTask DisposeAsync() =>
        _openAi?.DisposeAsync() ?? _ollama?.DisposeAsync() ?? _anthropic!.DisposeAsync();
}
