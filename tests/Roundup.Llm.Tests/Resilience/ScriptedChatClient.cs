using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Roundup.Llm.Tests.Resilience;

/// <summary>
/// A provider's client played by the test: each call gets its zero-based index and the attempt's token, and answers,
/// throws or waits as told. A test can await the n-th call instead of sleeping until it has happened.
/// </summary>
internal sealed class ScriptedChatClient(Func<int, CancellationToken, Task<ChatResponse>> answer) : IChatClient
{
    private readonly SemaphoreSlim _called = new(0);
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Streams one update, then waits for the attempt's token to be cancelled.</summary>
    public bool StreamsForever { get; init; }

    public static ChatResponse Answer(string text = "ok") => new(new ChatMessage(ChatRole.Assistant, text));

    /// <summary>Waits for the attempt to be cancelled (its deadline or the caller), as a late endpoint does.</summary>
    public static async Task<ChatResponse> NeverAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    /// <summary>Returns once <paramref name="count"/> calls have been made (waiting at most 10 s of real time).</summary>
    public async Task CalledAsync(int count)
    {
        while (Calls < count)
        {
            Assert.True(await _called.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken), $"only {Calls} of {count} calls were made");
        }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var index = Interlocked.Increment(ref _calls) - 1;
        _called.Release();
        return await answer(index, cancellationToken);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        _called.Release();
        yield return new ChatResponseUpdate(ChatRole.Assistant, "first words");
        if (StreamsForever)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose() => _called.Dispose();
}
