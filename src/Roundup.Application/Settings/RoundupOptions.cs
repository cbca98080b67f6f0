using Roundup.Storage;

namespace Roundup.Application.Settings;

/// <summary>Everything <c>roundup.json</c> and <c>ROUNDUP_*</c> environment variables can set.</summary>
public sealed class RoundupOptions
{
    public StoreOptions Store { get; init; } = new();

    public HarvestOptions Harvest { get; init; } = new();

    public CalendarOptions Calendar { get; init; } = new();

    public ArxivOptions Arxiv { get; init; } = new();

    public SelectionOptions Selection { get; init; } = new();

    /// <summary>The language model for the <c>llm</c> scorer; unused unless a stage names it.</summary>
    public Roundup.Llm.LlmOptions Llm { get; init; } = new();

    public WritingOptions Writing { get; init; } = new();

    public PublishOptions Publish { get; init; } = new();

    public MailOptions Mail { get; init; } = new();

    /// <summary>The web endpoint of <c>roundup serve</c>: links and archive.</summary>
    public ServeOptions Serve { get; init; } = new();

    /// <summary>The weekly job's parallel parts as jobs for <c>roundup worker</c> processes (off by default).</summary>
    public WorkersOptions Workers { get; init; } = new();
}
