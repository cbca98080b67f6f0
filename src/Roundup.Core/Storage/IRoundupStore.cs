using Roundup.Corrections;
using Roundup.Curators;
using Roundup.Delivery;
using Roundup.Harvesting;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Selection;

namespace Roundup.Storage;

/// <summary>
/// One open store, whatever the database: every part Roundup keeps, each behind the interface of its concern. The
/// parts share the store's connection and go with it when it is disposed.
/// </summary>
public interface IRoundupStore : IAsyncDisposable
{
    /// <summary>Papers as readers of them use them.</summary>
    IPaperStore Papers { get; }

    /// <summary>Pages, sightings and checkpoints, as the harvester writes them.</summary>
    IHarvestStore Harvest { get; }

    /// <summary>Stage runs, judgements and curator decisions, by <see cref="SelectionKey"/>.</summary>
    ISelectionStore Selection { get; }

    /// <summary>Cached embeddings by model and text hash.</summary>
    IEmbeddingStore Embeddings { get; }

    /// <summary>Every version of every issue.</summary>
    IIssueStore Issues { get; }

    /// <summary>Subscribers and the suppression list.</summary>
    ISubscriberStore Subscribers { get; }

    /// <summary>The outbox, by <see cref="MailingKey"/>.</summary>
    IOutboxStore Outbox { get; }

    /// <summary>The curators who may sign in to the desk.</summary>
    ICuratorStore Curators { get; }

    /// <summary>Readers' suggested corrections, waiting for a curator or decided.</summary>
    ICorrectionStore Corrections { get; }
}
