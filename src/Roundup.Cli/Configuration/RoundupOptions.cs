using Roundup.Storage;

namespace Roundup.Cli.Configuration;

/// <summary>Everything <c>roundup.json</c> and <c>ROUNDUP_*</c> environment variables can set.</summary>
public sealed class RoundupOptions
{
    public StoreOptions Store { get; set; } = new();

    public HarvestOptions Harvest { get; set; } = new();

    public CalendarOptions Calendar { get; set; } = new();

    public ArxivOptions Arxiv { get; set; } = new();

    public SelectionOptions Selection { get; set; } = new();

    /// <summary>The language model for the <c>llm</c> scorer; unused unless a stage names it.</summary>
    public Roundup.Llm.LlmOptions Llm { get; set; } = new();

    public WritingOptions Writing { get; set; } = new();

    public PublishOptions Publish { get; set; } = new();

    public MailOptions Mail { get; set; } = new();

    /// <summary>The web endpoint of <c>roundup serve</c>: links and archive.</summary>
    public ServeOptions Serve { get; set; } = new();
}
