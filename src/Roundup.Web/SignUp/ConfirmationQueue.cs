using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Roundup.Delivery.Subscribers;

namespace Roundup.Web.SignUp;

/// <summary>
/// Sends the sign-up form's confirmation messages after the answer, in arrival order, a batch per connection. The
/// page is then the same, and as quick, whether or not a message was due: its timing does not tell a visitor
/// whether an address is known. A confirmation that fails is logged; the person can sign up again later.
/// </summary>
internal sealed class ConfirmationQueue(ConfirmationMailer mailer, ILogger logger) : BackgroundService
{
    private const int Capacity = 1000;
    private const int BatchSize = 50;

    private readonly Channel<long> _ids = Channel.CreateBounded<long>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    /// <summary>False when the queue is full (the relay is far behind): the subscriber stays pending, unsent.</summary>
    public bool TryEnqueue(long subscriberId) => _ids.Writer.TryWrite(subscriberId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<long>(BatchSize);
        while (await _ids.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < BatchSize && _ids.Reader.TryRead(out var id))
            {
                batch.Add(id);
            }

            try
            {
                var sent = await mailer.SendAsync(batch, stoppingToken);
                logger.LogInformation("sign-up: {Sent} of {Count} confirmation message(s) sent (subscribers {Ids})", sent, batch.Count, string.Join(", ", batch));
            }
#pragma warning disable CA1031 // the loop outlives any one relay failure; a thrown exception would stop the server
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                // The type only: a relay's error text can quote the recipient's address.
                logger.LogWarning("sign-up: no confirmation sent to subscribers {Ids}: {Error}", string.Join(", ", batch), e.GetType().Name);
            }
        }
    }
}
