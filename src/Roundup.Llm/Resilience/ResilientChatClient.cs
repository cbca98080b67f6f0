using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Roundup.Llm.Providers;

namespace Roundup.Llm.Resilience;

/// <summary>
/// Makes every chat call resilient, in front of any provider's client (<see cref="ChatClientFactory.Create"/>), through
/// one Polly pipeline: each attempt has its own deadline (<see cref="LlmOptions.Timeout"/>), and an attempt that timed
/// out, was rate-limited or failed is made again, up to <see cref="LlmOptions.MaxRetries"/> times: after a 429 once the
/// wait it asks for has passed (a longer wait than <see cref="ChatResilience.MaxRateLimitWait"/> gives up at once),
/// otherwise at once. Giving up throws <see cref="LlmUnavailableException"/>. A refusal (401, 403, 404) is not asked
/// again: it throws <see cref="LlmRefusedException"/>, and so does every later call, without a request. A failure of
/// the call itself (a disposed client, a prompt longer than a local model's context) passes through unchanged.
/// </summary>
/// <remarks>
/// Whether an answer is usable is for the callers to judge: the scorer re-asks for the papers an answer left out, the
/// writer for an entry that failed its checks.
/// </remarks>
public sealed class ResilientChatClient : DelegatingChatClient
{
    // What Polly's timeout strategy accepts; a limit of a day is no limit for one answer.
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromHours(24);

    private readonly ChatResilience _settings;
    private readonly ResiliencePipeline<ChatResponse> _pipeline;
    private LlmRefusedException? _refusal;

    public ResilientChatClient(IChatClient inner, LlmOptions options, ChatResilience? settings = null)
        : base(inner)
    {
        ArgumentNullException.ThrowIfNull(options);
        _settings = settings ?? new ChatResilience();
        Timeout = options.Timeout;
        Attempts = 1 + Math.Max(0, options.MaxRetries);
        Target = options.Is(LlmOptions.LlamaSharpProvider) ? $"{options.Model} ({options.ModelPath})" : $"{options.Model} at {options.Endpoint}";
        _pipeline = BuildPipeline();
    }

    /// <summary>The deadline of each attempt.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The most requests one call makes: 1 + <see cref="LlmOptions.MaxRetries"/>.</summary>
    public int Attempts { get; }

    /// <summary>The model and where it runs, as errors name it: <c>gpt-4o-mini at https://api.openai.com/v1</c>.</summary>
    public string Target { get; }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ThrowIfRefused();
        IReadOnlyCollection<ChatMessage> request = messages as IReadOnlyCollection<ChatMessage> ?? [.. messages];
        var attempts = 0;
        try
        {
            return await _pipeline.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await InnerClient.GetResponseAsync(request, options, token);
                },
                cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && ChatFailure.IsRefusal(e))
        {
            throw Refused(e);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && ChatFailure.IsTransport(e))
        {
            throw GaveUp(e, attempts);
        }
    }

    /// <summary>A stream that has begun cannot be asked for again, so it gets one deadline over the whole answer and no retries.</summary>
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ThrowIfRefused();
        using var deadline = new CancellationTokenSource(Bounded(Timeout), _settings.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var updates = InnerClient.GetStreamingResponseAsync(messages, options, linked.Token).GetAsyncEnumerator(linked.Token);
        await using (updates)
        {
            while (true)
            {
                bool more;
                try
                {
                    more = await updates.MoveNextAsync();
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && ChatFailure.IsRefusal(e))
                {
                    throw Refused(e);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && ChatFailure.IsTransport(e))
                {
                    throw GaveUp(e, 1);
                }

                if (!more)
                {
                    yield break;
                }

                yield return updates.Current;
            }
        }
    }

    private ResiliencePipeline<ChatResponse> BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder<ChatResponse> { TimeProvider = _settings.Time };
        if (Attempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<ChatResponse>
            {
                MaxRetryAttempts = Attempts - 1,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is { } e
                    && !args.Context.CancellationToken.IsCancellationRequested
                    && ChatFailure.IsWorthRetrying(e, _settings)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Exception is { } e ? ChatFailure.RateLimitWait(e, _settings) ?? TimeSpan.Zero : TimeSpan.Zero),
                OnRetry = args =>
                {
                    _settings.Logger.LogWarning(
                        "{Target}: attempt {Attempt}/{Attempts}: the model {Problem}; asking again in {Delay} s",
                        Target,
                        args.AttemptNumber + 1,
                        Attempts,
                        args.Outcome.Exception is { } e ? ChatFailure.Problem(e, _settings) : "gave no answer",
                        ChatFailure.Seconds(args.RetryDelay));
                    return ValueTask.CompletedTask;
                },
            });
        }

        // Inside the retries, so that each attempt has its own deadline.
        return builder.AddTimeout(Bounded(Timeout)).Build();
    }

    private static TimeSpan Bounded(TimeSpan timeout) => TimeSpan.FromTicks(Math.Clamp(timeout.Ticks, MinTimeout.Ticks, MaxTimeout.Ticks));

    private void ThrowIfRefused()
    {
        if (_refusal is { } refusal)
        {
            throw new LlmRefusedException(Target, refusal.Status, refusal.Detail, refusal);
        }
    }

    private LlmRefusedException Refused(Exception failure)
    {
        var refusal = new LlmRefusedException(Target, ProviderFailure.Status(failure) ?? 0, ModelText.Clean(ProviderFailure.Detail(failure)), failure);
        _refusal = refusal;
        return refusal;
    }

    private LlmUnavailableException GaveUp(Exception failure, int attempts)
    {
        var problem = ChatFailure.Problem(failure, _settings);
        var limit = ChatFailure.IsTimeout(failure) ? $" ({ChatFailure.Seconds(Timeout)} s per attempt)" : "";
        var counted = attempts == 1 ? "1 attempt" : $"{attempts} attempts";
        return new LlmUnavailableException($"{Target}: the model {problem} after {counted}{limit}", problem, attempts, failure);
    }
}
