using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Roundup.Llm.Caching;
using Roundup.Llm.Prompts;
using Roundup.Llm.Resilience;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Selection;

namespace Roundup.Llm.Scoring;

/// <summary>
/// Scores papers by asking a chat model, in batches of <see cref="LlmOptions.BatchSize"/>, for a structured answer
/// of 1-10 scores. Bad answers are retried for the papers still missing; papers that never get a valid score come
/// back unscored with the reason. Validated answers are cached on disk, so a rerun of the same batch costs nothing.
/// Timeouts, 429s and failed requests are the client's to retry (<see cref="ResilientChatClient"/>, as
/// <see cref="ChatClientFactory.Create"/> makes it); a refusal ends the run.
/// </summary>
public sealed class ChatPaperScorer : IMeteredScorer
{
    private const string Version = "v1";

    private readonly IChatClient _client;
    private readonly LlmOptions _options;
    private readonly ChatStage _stage;
    private readonly PromptTemplate _template;
    private readonly ILogger _logger;
    private readonly LlmResponseCache? _cache;
    private readonly UsageMeter _usage;
    private readonly ModelIdentity _model;

    public ChatPaperScorer(IChatClient client, LlmOptions options, ChatStage stage, PromptLibrary prompts, ILogger logger)
    {
        _client = client;
        _options = options;
        _stage = stage;
        _template = prompts.For(stage);
        _logger = logger;
        _cache = string.IsNullOrWhiteSpace(options.CacheDirectory) ? null : new LlmResponseCache(options.CacheDirectory);
        _usage = new UsageMeter(options);
        // The id is part of the stage's input hash: whatever changes the answers (the provider, the settings in
        // ModelIdentity, how many papers share a request) changes it, so the stage runs again.
        _model = ModelIdentity.Of(options);
        var batch = options.BatchSize.For(stage);
        List<string> settings = [.. _model.Settings];
        if (batch != new LlmBatchSizes().For(stage))
        {
            settings.Add($"{nameof(LlmOptions.BatchSize)}={batch}");
        }

        Id = $"llm:{_model.Name}:{StageName}-{Version}:{_template.Hash[..8]}{ModelIdentity.Tag(settings)}";
    }

    public string Id { get; }

    public Evidence Reads => _stage switch
    {
        ChatStage.Title => Evidence.Title,
        ChatStage.Evidence => Evidence.Skim,
        _ => Evidence.Abstract,
    };

    private string StageName => _stage.ToString().ToLowerInvariant();

    private int Attempts => 1 + Math.Max(0, _options.MaxRetries);

    public ScorerUsage TakeUsage() => _usage.Take();

    public async Task<IReadOnlyList<ScoreResult>> ScoreAsync(IReadOnlyList<Paper> batch, CuratorProfile profile, CancellationToken cancellationToken = default)
    {
        var system = PaperPrompt.System(_template.Render(profile));
        var results = new List<ScoreResult>(batch.Count);
        var unique = batch.DistinctBy(p => p.Id.Canonical, StringComparer.Ordinal).ToList();
        foreach (var chunk in unique.Chunk(Math.Max(1, _options.BatchSize.For(_stage))))
        {
            results.AddRange(await ScoreChunkAsync(chunk, system, cancellationToken));
        }

        return results;
    }

    private async Task<IReadOnlyList<ScoreResult>> ScoreChunkAsync(IReadOnlyList<Paper> chunk, string system, CancellationToken cancellationToken)
    {
        var key = CacheKey(chunk, system);
        var scores = new Dictionary<string, CachedScore>(StringComparer.Ordinal);
        foreach (var hit in _cache?.TryGet(key) ?? [])
        {
            scores[hit.Id] = hit;
        }

        var pending = chunk.Where(p => !scores.ContainsKey(p.Id.Canonical)).ToList();
        var problems = new Dictionary<string, string>(StringComparer.Ordinal);
        var attempt = 0;
        while (pending.Count > 0 && attempt < Attempts)
        {
            attempt++;
            var messages = Messages(pending, system);
            ChatResponse<ScoreAnswer> response;
            try
            {
                response = await _client.GetResponseAsync<ScoreAnswer>(messages, new ChatOptions { ModelId = _options.Model }, useJsonSchemaResponseFormat: true, cancellationToken);
            }
            catch (LlmRefusedException e)
            {
                // A wrong key, model or endpoint fails every batch alike: say so once instead of unscoring the week.
                throw new InvalidOperationException($"{Id}: {e.Problem}", e);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // The client has already asked again where that could help: asking here too would multiply the requests.
                var (problem, attempts) = LlmUnavailableException.Describe(e);
                _logger.LogWarning("{Scorer}: {Count} papers: the model {Problem}", Id, pending.Count, problem);
                Note(problems, pending, problem);
                attempt = Math.Max(attempt, attempts);
                break;
            }

            foreach (var score in Read(response, pending, attempt, problems))
            {
                scores[score.Id] = score;
            }

            pending = [.. pending.Where(p => !scores.ContainsKey(p.Id.Canonical))];
        }

        if (attempt > 0 && scores.Count > 0)
        {
            TryCache(key, [.. chunk.Select(p => scores.GetValueOrDefault(p.Id.Canonical)).OfType<CachedScore>()]);
        }

        return [.. chunk.Select(p => Result(p, scores.GetValueOrDefault(p.Id.Canonical), problems, attempt))];
    }

    private List<ChatMessage> Messages(List<Paper> papers, string system) =>
    [
        new(ChatRole.System, system),
        new(ChatRole.User, PaperPrompt.User(papers, _stage)),
    ];

    /// <summary>The valid scores an answer gave for <paramref name="papers"/>, with the problems noted for the rest.</summary>
    private IReadOnlyList<CachedScore> Read(ChatResponse<ScoreAnswer> response, List<Paper> papers, int attempt, Dictionary<string, string> problems)
    {
        _usage.Add(response.Usage);
        if (!TryGetAnswer(response, out var answer))
        {
            _logger.LogWarning("{Scorer}: attempt {Attempt}/{Attempts}: the answer was not the JSON asked for", Id, attempt, Attempts);
            Note(problems, papers, "answered with malformed JSON");
            return [];
        }

        var (accepted, rejected) = AnswerCheck.Check(answer, papers, _stage);
        foreach (var (id, problem) in rejected)
        {
            problems[id] = problem;
        }

        if (rejected.Count > 0)
        {
            _logger.LogWarning("{Scorer}: attempt {Attempt}/{Attempts}: no valid score for {Ids}", Id, attempt, Attempts, string.Join(", ", rejected.Keys));
        }

        return accepted;
    }

    private static bool TryGetAnswer(ChatResponse<ScoreAnswer> response, out ScoreAnswer answer)
    {
        try
        {
            if (response.TryGetResult(out var result) && result is { Papers: not null })
            {
                answer = result;
                return true;
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            // Some shapes of bad JSON surface as exceptions rather than a false.
        }

        answer = new ScoreAnswer();
        return false;
    }

    private ScoreResult Result(Paper paper, CachedScore? score, Dictionary<string, string> problems, int attempts)
    {
        if (score is null)
        {
            var problem = problems.GetValueOrDefault(paper.Id.Canonical, "gave no score for it");
            var why = $"unscored: the model {problem} after {attempts} {(attempts == 1 ? "attempt" : "attempts")}";
            _logger.LogWarning("{Scorer}: {Paper} {Why}", Id, paper.Id.Canonical, why);
            return ScoreResult.Failed(paper.Id, why);
        }

        var value = (score.Score - 1) / 9.0;
        return new ScoreResult(paper.Id, value, [new Contribution(value, $"LLM ({_options.Model}): {score.Reason}")]);
    }

    private string CacheKey(IReadOnlyList<Paper> chunk, string system) => LlmResponseCache.Key(
    [
        Version,
        _model.Label,
        _template.Hash,
        StageName,
        system,
        .. chunk.SelectMany(p => new[] { p.Id.Canonical, p.Title, _stage != ChatStage.Title ? p.Abstract : "" }),
    ]);

    private void TryCache(string key, IReadOnlyList<CachedScore> scores)
    {
        try
        {
            _cache?.Put(key, scores);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(e, "{Scorer}: could not cache an answer in {Directory}", Id, _cache?.Directory);
        }
    }

    private static void Note(Dictionary<string, string> problems, IReadOnlyList<Paper> papers, string problem)
    {
        foreach (var paper in papers)
        {
            problems[paper.Id.Canonical] = problem;
        }
    }
}
