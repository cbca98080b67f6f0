using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Roundup.Issues;
using Roundup.Llm;
using Roundup.Llm.Caching;
using Roundup.Llm.Prompts;
using Roundup.Llm.Providers;
using Roundup.Profiles;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Llm;

/// <summary>
/// Writes an entry by asking a chat model for a structured answer (<see cref="WriteAnswer"/>), checked strictly
/// (<see cref="WriteAnswerCheck"/>). Invalid, late or rate-limited answers are asked again, up to
/// <see cref="LlmOptions.MaxRetries"/> more times; then <see cref="LlmWriterException"/> says why. A refused request
/// (401, 403 or 404, whatever the provider) is not asked again, and later papers fail at once for the same reason.
/// Valid answers are cached under the model and its answer-changing settings (<see cref="ModelIdentity"/>), the
/// prompt's hash and a hash of the request, so a rerun costs nothing.
/// </summary>
public sealed class LlmWriter : IPaperWriter
{
    /// <summary>Changes when the request or the checks change, so older cached answers are not reused.</summary>
    private const string Version = "write-v1";

    private static readonly TimeSpan MaxRateLimitWait = TimeSpan.FromSeconds(60);

    private readonly IChatClient _client;
    private readonly LlmOptions _options;
    private readonly PromptTemplate _template;
    private readonly string _system;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _rateLimitWait;
    private readonly LlmResponseCache? _cache;
    private readonly ModelIdentity _model;
    private string? _refusal;

    /// <param name="template">The prompt, from <see cref="WritePrompt.Load"/>; rendered with <paramref name="profile"/>.</param>
    /// <param name="rateLimitWait">How long to wait after a 429 that names no Retry-After; 2 s when not given.</param>
    public LlmWriter(
        IChatClient client,
        LlmOptions options,
        PromptTemplate template,
        CuratorProfile profile,
        ILogger logger,
        TimeProvider? time = null,
        TimeSpan? rateLimitWait = null)
    {
        _client = client;
        _options = options;
        _template = template;
        _system = WriteMessages.System(template.Render(profile));
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _rateLimitWait = rateLimitWait ?? TimeSpan.FromSeconds(2);
        _cache = string.IsNullOrWhiteSpace(options.CacheDirectory) ? null : new LlmResponseCache(options.CacheDirectory);
        _model = ModelIdentity.Of(options);
        Id = $"llm:{options.Model}";
    }

    public string Id { get; }

    private int Attempts => 1 + Math.Max(0, _options.MaxRetries);

    public async Task<WrittenEntry> WriteAsync(PaperToWrite paper, CancellationToken cancellationToken = default)
    {
        var started = _time.GetTimestamp();
        var user = WriteMessages.User(paper);
        var key = CacheKey(user);
        var id = paper.Paper.Id.Canonical;
        if (_cache?.TryGetValue<CachedEntry>(key, e => e.IsValid() && e.Id == id) is { } hit)
        {
            return new WrittenEntry(new EntryText(hit.Tldr, hit.Summary, hit.Commentary), Id, [], new WriterUsage(0, 0, _time.GetElapsedTime(started), 0m, Cached: true));
        }

        if (_refusal is { } refusal)
        {
            throw new LlmWriterException(refusal, WriterUsage.None);
        }

        List<ChatMessage> messages = [new(ChatRole.System, _system), new(ChatRole.User, user)];
        long input = 0, output = 0;
        var problem = "gave no answer";
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            ChatResponse<WriteAnswer> response;
            try
            {
                response = await _client.GetResponseAsync<WriteAnswer>(messages, new ChatOptions { ModelId = _options.Model }, useJsonSchemaResponseFormat: true, cancellationToken);
            }
            catch (Exception e) when (ProviderFailure.IsRefusal(e))
            {
                // A wrong key, model or endpoint fails every paper alike: asking again, for this paper or the next, cannot help.
                _refusal = $"{Id}: the endpoint refused the request ({ProviderFailure.Status(e)}): {ModelText.Clean(ProviderFailure.Detail(e))}";
                throw new LlmWriterException(_refusal, Usage(input, output, started), e);
            }
            catch (Exception e) when (ProviderFailure.IsRateLimit(e) && !cancellationToken.IsCancellationRequested)
            {
                problem = "was rate-limited (HTTP 429)";
                Warn(id, attempt, problem);
                if (attempt < Attempts)
                {
                    await Task.Delay(RetryAfter(e), _time, cancellationToken);
                }

                continue;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                problem = e is TimeoutException or OperationCanceledException ? "timed out" : $"request failed ({ModelText.Clean(e.Message)})";
                Warn(id, attempt, problem);
                continue;
            }

            input += response.Usage?.InputTokenCount ?? 0;
            output += response.Usage?.OutputTokenCount ?? 0;
            var (text, rejected) = WriteAnswerCheck.Check(response.Text, paper);
            if (text is not null)
            {
                TryCache(key, new CachedEntry(id, text.Tldr, text.Summary, text.Commentary));
                return new WrittenEntry(text, Id, [], Usage(input, output, started));
            }

            problem = rejected ?? "gave an unusable answer";
            Warn(id, attempt, problem);
        }

        var attempts = Attempts == 1 ? "1 attempt" : $"{Attempts} attempts";
        throw new LlmWriterException($"{Id}: the model {problem} after {attempts}", Usage(input, output, started));
    }

    private WriterUsage Usage(long input, long output, long started) =>
        new(input, output, _time.GetElapsedTime(started), _options.Cost(input, output), Cached: false);

    private TimeSpan RetryAfter(Exception e) =>
        ProviderFailure.RetryAfter(e, _time) is { } asked ? TimeSpan.FromTicks(Math.Min(asked.Ticks, MaxRateLimitWait.Ticks)) : _rateLimitWait;

    private void Warn(string paper, int attempt, string problem) =>
        _logger.LogWarning("{Writer}: {Paper} attempt {Attempt}/{Attempts}: the model {Problem}", Id, paper, attempt, Attempts, problem);

    private string CacheKey(string user) => LlmResponseCache.Key([Version, _model.Label, _template.Hash, _system, user]);

    private void TryCache(string key, CachedEntry entry)
    {
        try
        {
            _cache?.PutValue(key, entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "{Writer}: could not cache an answer in {Directory}", Id, _cache?.Directory);
        }
    }
}
