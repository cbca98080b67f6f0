using Roundup.Delivery;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Writing.Pipeline;
using Roundup.Writing.Writers;

namespace Roundup.Application.Distributing;

/// <summary>
/// Runs the weekly job's parallel parts elsewhere (as jobs for <c>roundup worker</c> processes: full texts, entries, delivery batches) and waits for them:
/// the results come back in the order asked, the same as this process would have made them. Without one, the host
/// does the work itself (the default). A part that still fails after its retries throws <see cref="WorkFailedException"/>.
/// </summary>
public interface IWorkDispatcher
{
    /// <summary>Each paper's full text, fetched and read by a worker (<see cref="WorkSteps.ReadAsync"/>).</summary>
    Task<IReadOnlyList<FullTextOutcome>> ReadFullTextsAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken);

    /// <summary>Each pick's entry, written for <paramref name="profile"/> by a worker's grounded writer (<see cref="WorkSteps.WriteAsync"/>).</summary>
    Task<IReadOnlyList<GroundedEntry>> WriteEntriesAsync(CuratorProfile profile, IReadOnlyList<PaperToWrite> papers, CancellationToken cancellationToken);

    /// <summary>
    /// <paramref name="batches"/> batches of up to <paramref name="messages"/> messages each of an enqueued mailing,
    /// each sent by a worker through its own relay settings (<see cref="WorkSteps.DeliverAsync"/>).
    /// </summary>
    Task<IReadOnlyList<DeliveryBatchOutcome>> DeliverBatchesAsync(MailingKey mailing, int batches, int messages, CancellationToken cancellationToken);
}
