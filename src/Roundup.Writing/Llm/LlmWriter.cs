using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Roundup.Issues;
using Roundup.Llm;
using Roundup.Llm.Caching;
using Roundup.Llm.Prompts;
using Roundup.Llm.Resilience;
using Roundup.Profiles;
using Roundup.Writing.Writers;

namespace Roundup.Writing.Llm;

/// <summary>
/// Writes an entry by asking a chat model for a structured answer (<see cref="WriteAnswer"/>), checked strictly
/// (<see cref="WriteAnswerCheck"/>). An answer that fails the checks is asked for again, up to
/// <see cref="LlmOptions.MaxRetries"/> more times; then <see cref="LlmWriterException"/> says why. Timeouts, 429s and
/// failed requests are the client's to retry (<see cref="ResilientChatClient"/>, as <see cref="ChatClientFactory.Create"/>
/// makes it), and a refusal is the client's to remember: later papers fail at once for the same reason. Valid answers are cached under the model and its answer-changing settings (<see cref="ModelIdentity"/>), the
/// prompt's hash and a hash of the request, so a rerun costs nothing.
/// </summary>
public sealed class LlmWriter : IPaperWriter
{
    /// <summary>Changes when the request or the checks change, so older cached answers are not reused.</summary>
    private const string Version = "write-v1";

    private readonly IChatClient _client;
    private readonly LlmOptions _options;
    private readonly PromptTemplate _template;
    private readonly string _system;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly LlmResponseCache? _cache;
    private readonly ModelIdentity _model;

    /// <param name="template">The prompt, from <see cref="WritePrompt.Load"/>; rendered with <paramref name="profile"/>.</param>
    /// <param name="time">Times the latency of an entry.</param>
    public LlmWriter(
        IChatClient client,
        LlmOptions options,
        PromptTemplate template,
        CuratorProfile profile,
        ILogger logger,
        TimeProvider? time = null)
    {
        _client = client;
        _options = options;
        _template = template;
        _system = WriteMessages.System(template.Render(profile));
        _logger = logger;
        _time = time ?? TimeProvider.System;
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
            catch (LlmRefusedException e)
            {
                throw new LlmWriterException($"{Id}: {e.Problem}", Usage(input, output, started), e);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The client has already asked again where that could help: asking here too would multiply the requests.
                var (failure, attempts) = LlmUnavailableException.Describe(e);
                throw new LlmWriterException($"{Id}: the model {failure} after {Counted(Math.Max(attempt, attempts))}", Usage(input, output, started), e);
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

        throw new LlmWriterException($"{Id}: the model {problem} after {Counted(Attempts)}", Usage(input, output, started));
    }

    private static string Counted(int attempts) => attempts == 1 ? "1 attempt" : $"{attempts} attempts";

    private WriterUsage Usage(long input, long output, long started) =>
        new(input, output, _time.GetElapsedTime(started), _options.Cost(input, output), Cached: false);

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
