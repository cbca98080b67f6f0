using Microsoft.Extensions.Logging;
using Roundup.Arxiv.Api;
using Roundup.Arxiv.Files;
using Roundup.Arxiv.Http;
using Roundup.Arxiv.OaiPmh;
using Roundup.Arxiv.Rss;
using Roundup.Calendar;
using Roundup.Application.Distributing;
using Roundup.Application.Profiles;
using Roundup.Application.Reading;
using Roundup.Application.Settings;
using Roundup.Harvesting;
using Roundup.Llm;
using Roundup.Llm.Prompts;
using Roundup.Llm.Resilience;
using Roundup.Llm.Scoring;
using Roundup.Ranking.Embeddings;
using Roundup.FullText;
using Roundup.FullText.Scoring;
using Roundup.Profiles;
using Roundup.Selection;
using Roundup.Storage;

namespace Roundup.Application.Hosting;

/// <summary>
/// What a use case runs on, made once per run from the validated options (never changed after): logging, the clock,
/// the calendar, the store, the profile, the full texts, the sources, the models. Every front end makes one.
/// </summary>
public sealed class RoundupHost(RoundupOptions options, ILoggerFactory logs, TimeProvider time) : IAsyncDisposable
{
    private IRoundupStore? _store;
    private ArxivHttpClient? _http;
    private MiniLmEmbedder? _miniLm;
    private Microsoft.Extensions.AI.IChatClient? _chat;
    private CuratorProfile? _profile;
    private PaperFullText? _fullText;

    public RoundupOptions Options { get; } = options;

    public ILoggerFactory Logs { get; } = logs;

    public TimeProvider Time { get; } = time;

    /// <summary>
    /// Where the weekly job's parallel parts run: null (the default) in this process; a front end that starts jobs
    /// for <c>roundup worker</c> processes gives its dispatcher.
    /// </summary>
    public IWorkDispatcher? Work { get; init; }

    /// <summary>Whose turn it is to ask arXiv: null keeps this process's own spacing; workers share one.</summary>
    public IRequestSpacing? RequestSpacing { get; init; }

    /// <summary>Whether its first arXiv client warns when no contact is configured: a worker warns once when it starts,
    /// not once per job.</summary>
    public bool WarnsOfMissingContact { get; init; } = true;

    public static void WarnIfNoContact(RoundupOptions options, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(options.Arxiv.Http.Contact))
        {
            logger.LogWarning("Arxiv:Http:Contact is not set: arXiv asks automated clients to name a contact (set it in roundup.json or ROUNDUP_Arxiv__Http__Contact)");
        }
    }

    public ArxivCalendar Calendar { get; } = new(
        ArxivHolidays.Known.Concat(options.Calendar.Holidays.Select(h => DateOnly.Parse(h, System.Globalization.CultureInfo.InvariantCulture))),
        options.Calendar.WeekStartsOn);

    /// <summary>The store <c>Store:Provider</c> names, opened when first needed and disposed with the host.</summary>
    public async Task<IRoundupStore> StoreAsync(CancellationToken cancellationToken) =>
        _store ??= await StoreFactory.OpenAsync(Options.Store, Time, cancellationToken);

    /// <summary>The offline embedding model, with vectors cached in the store.</summary>
    public async Task<IEmbedder> EmbedderAsync(CancellationToken cancellationToken) =>
        new CachingEmbedder(_miniLm ??= new MiniLmEmbedder(), (await StoreAsync(cancellationToken)).Embeddings);

    /// <summary>An LLM scorer for a stage, over one chat client for the whole run.</summary>
    public ChatPaperScorer ChatScorer(ChatStage stage) =>
        new(Chat, Options.Llm, stage, new PromptLibrary(PromptDirectory), Logs.CreateLogger<ChatPaperScorer>());

    /// <summary>The curator's prompt files, overriding the built-in ones of the same name.</summary>
    public static string PromptDirectory => "prompts";

    /// <summary>One chat client for the whole run, made when first needed.</summary>
    public Microsoft.Extensions.AI.IChatClient Chat => _chat ??= ChatClientFactory.Create(
        Options.Llm,
        Logs.CreateLogger("llama.cpp"),
        new ChatResilience { Time = Time, Logger = Logs.CreateLogger<ResilientChatClient>() });

    /// <summary>
    /// The run's full texts: one folder, each paper read once, for selection and writing alike; missing ones fetched into
    /// Selection:FullTextDir through the polite client (or only read from it, offline).
    /// </summary>
    public PaperFullText FullText => _fullText ??= FullTextWith(Options.Selection.FullText, Work);

    /// <summary>Full texts from the folder only, whatever Selection:FullText:Offline says: an evaluation asks arXiv for nothing.</summary>
    public PaperFullText OfflineFullText()
    {
        var options = Options.Selection.FullText;
        return FullTextWith(new Roundup.Arxiv.FullText.FullTextFetchOptions { BaseUrl = options.BaseUrl, Order = options.Order, Offline = true });
    }

    /// <summary>The curator's profile (Selection:Profile, or the built-in one), read once per run.</summary>
    public CuratorProfile Profile => _profile ??= ProfileLoader.Load(Options.Selection.Profile, Logs.CreateLogger("Roundup.Profile"));

    /// <summary>
    /// The sources a spec names: one network source, or one per kind of the files (a file of neither kind is
    /// refused in the log, naming it and why, and the others are read).
    /// </summary>
    public async Task<IReadOnlyList<IPaperSource>> SourcesAsync(SourceSpec spec, CancellationToken cancellationToken)
    {
        if (!spec.IsFile)
        {
            return [Source(spec)];
        }

        var files = await FileSources.OpenAsync(spec.Files, Calendar, cancellationToken);
        foreach (var refused in files.Refused)
        {
            Logs.CreateLogger<FileSelection>().LogWarning("Refused {Problem}; the other files are read", refused);
        }

        return [.. files.Groups.Select(g => g.Source)];
    }

    /// <summary>A network source: oai, api or rss.</summary>
    public IPaperSource Source(SourceSpec spec) => spec.Kind switch
    {
        "oai" => new OaiPmhPaperSource(Http, Calendar, Options.Arxiv.Oai),
        "api" => new ArxivApiPaperSource(Http, Calendar, Options.Arxiv.Api),
        "rss" => new RssPaperSource(Http, Calendar, Options.Arxiv.Rss),
        _ => throw new UsageException($"unknown source '{spec.Kind}'"),
    };

    private PaperFullText FullTextWith(Roundup.Arxiv.FullText.FullTextFetchOptions fetch, IWorkDispatcher? work = null) => new(
        new FullTextFolder(Options.Selection.FullTextDir, new FullTextReader()),
        new Roundup.Arxiv.FullText.FullTextFetcher(() => Http, fetch, Options.Selection.FullTextDir),
        work);

    private ArxivHttpClient Http => _http ??= CreateHttp();

    private ArxivHttpClient CreateHttp()
    {
        var logger = Logs.CreateLogger<ArxivHttpClient>();
        if (WarnsOfMissingContact)
        {
            WarnIfNoContact(Options, logger);
        }

        return new ArxivHttpClient(Options.Arxiv.Http, Time, logger, spacing: RequestSpacing);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        _miniLm?.Dispose();
        _chat?.Dispose();
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }
}
