using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Roundup.Harvesting;

/// <summary>
/// Reads a source's next pages on another thread while the current one is stored, so parsing and writing share
/// the two cores. At most <c>capacity</c> pages wait in memory; a source's failure surfaces at the page it hit.
/// </summary>
public static class ReadAhead
{
    public static async IAsyncEnumerable<T> Pages<T>(IAsyncEnumerable<T> pages, int capacity, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var page in pages.WithCancellation(stop.Token))
                    {
                        await channel.Writer.WriteAsync(page, stop.Token);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception e)
                {
                    channel.Writer.Complete(e);
                }
            },
            CancellationToken.None);

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var page))
                {
                    yield return page;
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }
}
