using Roundup.Application.Hosting;
using Roundup.Application.Writing;
using Roundup.FullText;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Writing.Pipeline;
using Roundup.Writing.Writers;

namespace Roundup.Application.Distributing;

/// <summary>
/// One unit of each parallel part, as a worker runs it on a host of its own: the same calls the single-process run
/// makes, so a job's result is what that run would have had.
/// </summary>
public static class WorkSteps
{
    /// <summary>Fetches the paper's full text into this machine's folder when missing (politely) and reads it.</summary>
    public static async Task<FullTextOutcome> ReadAsync(RoundupHost host, Paper paper, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        try
        {
            return new FullTextOutcome(await host.FullText.LoadAsync(paper, cancellationToken));
        }
        catch (FullTextException e)
        {
            return new FullTextOutcome(null, e.File, e.Problem);
        }
    }

    /// <summary>
    /// Writes one pick's entry with the configured writer for the coordinator's <paramref name="profile"/>, grounded,
    /// falling back to the offline writer.
    /// </summary>
    public static async Task<GroundedEntry> WriteAsync(RoundupHost host, CuratorProfile profile, PaperToWrite paper, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        return await WriterFactory.Create(host, profile).WriteGroundedAsync(paper, cancellationToken);
    }
}
