using Microsoft.Extensions.Logging;
using Roundup.Application.Hosting;
using Roundup.FullText;
using Roundup.Selection;
using Roundup.Writing.Issues;

namespace Roundup.Application.Reading;

/// <summary>
/// The picks' full texts, gathered for writing: fetched when missing, read once (selection's reads are reused), and a
/// pick whose text cannot be read is written from its abstract, with the reason in the log.
/// </summary>
public sealed class GatherFullText(RoundupHost host)
{
    public async Task<IReadOnlyList<PickToWrite>> RunAsync(FunnelResult selection, CancellationToken ct)
    {
        var logger = host.Logs.CreateLogger("Roundup.Writing");
        var picks = new List<PickToWrite>();
        await host.FullText.PrepareAsync([.. selection.Picks.Select(p => p.Paper)], ct);
        foreach (var pick in selection.Picks)
        {
            PaperEvidence? evidence = null;
            try
            {
                evidence = await host.FullText.LoadAsync(pick.Paper, ct);
            }
            catch (FullTextException e)
            {
                logger.LogWarning("{Paper}: full text unreadable ({Problem}); writing from the abstract", pick.Paper.Id, e.Problem);
            }

            var reasons = pick.Judgement.Contributions.OrderByDescending(c => Math.Abs(c.Value)).Take(5).Select(c => c.Label).Prepend(pick.Judgement.Decision).ToList();
            picks.Add(new PickToWrite(pick.Paper, reasons, evidence));
        }

        return picks;
    }
}
