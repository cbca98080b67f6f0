using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using MimeKit;
using Polly;
using Polly.Retry;
using Roundup.Delivery.Messages;
using Roundup.Delivery.Transport;

namespace Roundup.Delivery.Sending;

/// <summary>
/// Sends an issue to its subscribers through the outbox, so that every subscriber gets one copy however often the
/// run is interrupted and restarted.
/// </summary>
/// <remarks>
/// Rows are claimed in batches and marked Sending (committed) before the relay hears of them; each is marked Sent
/// as soon as the relay's 250 arrives. Any number of runs, in any number of processes, may share a mailing: each
/// claims under a lease of its own (<see cref="DeliveryOptions.Lease"/>) and renews it while it works, so rows of a
/// run that was killed are taken over by another once its lease runs out, and sent again with the same Message-ID.
/// The one window for a second copy is between the relay's 250 and our commit of Sent (a crash there cannot know the
/// message went): at most one message per connection that was in flight, and the receiver can tell the copies apart
/// by the Message-ID. A run ends when no row is due and no other run's lease is live.
/// <para>
/// A refusal is blamed on whoever it is about. A 5xx to RCPT fails the row and suppresses the address, but only once
/// the relay has answered another message differently (<see cref="RefusalStreak"/>): the same refusal for
/// <see cref="DeliveryOptions.SameRefusalsInARow"/> recipients in a row, or for every message of the run, is the
/// relay's. So is a 5xx to the message itself (DATA or its end). Then nothing more is handed to the relay, what is in
/// flight finishes, the refused rows go back to Pending untouched, and the run throws <see cref="DeliveryException"/>
/// with the relay's answer.
/// </para>
/// </remarks>
public sealed class DeliveryRun
{
    private const int PreviewPage = 500;

    private readonly IOutboxStore _outbox;
    private readonly IMailTransportFactory _transports;
    private readonly MessageBuilder _builder;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public DeliveryRun(IOutboxStore outbox, IMailTransportFactory transports, MessageBuilder builder, DeliveryOptions options, TimeProvider time, ILogger logger)
    {
        if (options.Validate().FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _outbox = outbox;
        _transports = transports;
        _builder = builder;
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Delivers the mailing <paramref name="mailing"/> (an issue or an erratum) to every active subscriber, or only to
    /// <paramref name="onlySubscriber"/>. With <paramref name="retryFailed"/>, failed messages of subscribers who are
    /// still active go out again first (same row, same Message-ID: a failed message was refused, so nobody has it).
    /// Throws <see cref="DeliveryException"/> when the relay cannot be used or refuses us rather than a recipient;
    /// every message it did not take stays in the outbox for the next run.
    /// </summary>
    public async Task<DeliveryReport> RunAsync(MailingKey mailing, IMessageContent content, long? onlySubscriber = null, bool retryFailed = false, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var lease = new OutboxLease(OutboxLease.NewSender(), _options.Lease);
        var start = await StartAsync(mailing, onlySubscriber, retryFailed, cancellationToken);
        _logger.LogInformation("{Week}: {Enqueued} new message(s) in the outbox; sending through {Destination} on {Connections} connection(s) as {Sender}", mailing, start.Enqueued, _transports.Description, _options.Connections, lease.Sender);

        using var run = new Run(this, mailing, content, onlySubscriber, lease, quota: null);
        await run.ExecuteAsync(cancellationToken);
        return await ReportAsync(mailing, start, _transports.Description, run.Tally, onlySubscriber, clock.Elapsed, cancellationToken);
    }

    /// <summary>
    /// What a delivery does before it sends, here or in batches elsewhere: with <paramref name="retryFailed"/>, failed
    /// messages of subscribers still active back to Pending; the counts before; the mailing's new rows enqueued.
    /// </summary>
    public async Task<DeliveryStart> StartAsync(MailingKey mailing, long? onlySubscriber, bool retryFailed, CancellationToken cancellationToken)
    {
        var retried = retryFailed ? await _outbox.RetryFailedAsync(mailing, onlySubscriber, cancellationToken) : 0;
        if (retried > 0)
        {
            _logger.LogInformation("{Week}: {Count} failed message(s) are sent again with their Message-IDs, as asked", mailing, retried);
        }

        var before = await _outbox.CountAsync(mailing, cancellationToken);
        return new DeliveryStart(retried, before, await _outbox.EnqueueAsync(mailing, _builder.List.Domain, onlySubscriber, cancellationToken));
    }

    /// <summary>The delivery's report: what it sent (<paramref name="done"/>, here or in batches) and what the outbox holds now.</summary>
    public async Task<DeliveryReport> ReportAsync(MailingKey mailing, DeliveryStart start, string destination, DeliveryBatchReport done, long? onlySubscriber, TimeSpan elapsed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(done);
        var after = await _outbox.CountAsync(mailing, cancellationToken);
        var waiting = onlySubscriber is { } only
            ? (await _outbox.GetOutboxRowAsync(mailing, only, cancellationToken))?.State is OutboxState.Pending or OutboxState.Sending or OutboxState.Deferred ? 1 : 0
            : after.Pending + after.Sending + after.Deferred;
        return new DeliveryReport(mailing, destination, start.Enqueued, done.Resumed, done.Sent, done.Deferred, done.Failed, after.Suppressed - start.Before.Suppressed, after, elapsed)
        {
            Retried = start.Retried,
            Waiting = waiting,
            NextAttempt = waiting > 0 ? await _outbox.NextDeferredAsync(mailing, cancellationToken) : null,
            Retryable = await _outbox.CountRetryableAsync(mailing, onlySubscriber, cancellationToken),
        };
    }

    /// <summary>
    /// One batch of a mailing someone else enqueued (a worker's delivery job): claims at most <paramref name="messages"/>
    /// due rows under a lease of its own and sends them, as <see cref="RunAsync"/> would, but returns as soon as nothing
    /// more is due now instead of waiting for other senders' leases or for deferred messages (whoever hands out the
    /// batches looks again). Throws <see cref="DeliveryException"/> as <see cref="RunAsync"/> does.
    /// </summary>
    public async Task<DeliveryBatchReport> RunBatchAsync(MailingKey mailing, IMessageContent content, int messages, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(messages, 1);
        var lease = new OutboxLease(OutboxLease.NewSender(), _options.Lease);
        using var run = new Run(this, mailing, content, null, lease, quota: messages);
        await run.ExecuteAsync(cancellationToken);
        return run.Tally;
    }

    /// <summary>Builds every message the run would send now (with <paramref name="retryFailed"/>, the failed ones it would retry too), without sending or changing anything.</summary>
    public async Task<DeliveryPreview> PreviewAsync(MailingKey mailing, IMessageContent content, long? onlySubscriber = null, bool retryFailed = false, CancellationToken cancellationToken = default)
    {
        var recipients = 0;
        string? subject = null;
        long after = 0;
        while (true)
        {
            var page = await _outbox.ListDueRecipientsAsync(mailing, after, PreviewPage, retryFailed, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var subscriber in page.Where(s => onlySubscriber is null || s.Id == onlySubscriber))
            {
                var row = new OutboxRow(mailing, subscriber.Id, OutboxState.Pending, 0, null, $"preview.{subscriber.Id}@{_builder.List.Domain}", null, _time.GetUtcNow());
                using var message = _builder.Build(new OutboxItem(row, subscriber), content);
                subject ??= message.Subject;
                recipients++;
            }

            after = page[^1].Id;
        }

        return new DeliveryPreview(mailing, recipients, subject);
    }

    /// <summary>
    /// One run's moving parts: the claiming loop, the sending tasks, the refusal streak and the counts. A run with a
    /// <paramref name="quota"/> is a batch: it claims at most that many rows and does not wait for other senders.
    /// </summary>
    private sealed class Run(DeliveryRun owner, MailingKey mailing, IMessageContent content, long? onlySubscriber, OutboxLease lease, int? quota) : IDisposable
    {
        private readonly Channel<OutboxItem> _queue = Channel.CreateBounded<OutboxItem>(owner._options.Connections * 2);
        private readonly SemaphoreSlim _finished = new(0);
        private readonly RefusalStreak _streak = new(owner._options.SameRefusalsInARow);
        private DeliveryException? _halt;
        private int _inFlight;
        private int _sent;
        private int _deferred;
        private int _failed;
        private int _resumed;
        private int _claimed;

        /// <summary>What the run claimed and what became of it.</summary>
        public DeliveryBatchReport Tally => new(_claimed, _resumed, _sent, _deferred, _failed);

        private IOutboxStore Outbox => owner._outbox;

        private ILogger Logger => owner._logger;

        /// <summary>Set when the relay refused us rather than a recipient: nothing more is handed to it, and what is in flight finishes.</summary>
        private bool Halted => Volatile.Read(ref _halt) is not null;

        public async Task ExecuteAsync(CancellationToken cancellationToken)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var pacer = owner._options.MessagesPerSecond > 0 ? new SendPacer(owner._options.MessagesPerSecond, owner._time) : null;
            var pipeline = Pipeline();
            var senders = Enumerable.Range(0, owner._options.Connections).Select(_ => SendAllAsync(pipeline, pacer, stop)).ToList();
            using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
            var renewal = RenewAsync(renewing.Token);
            var completed = false;
            try
            {
                try
                {
                    await ClaimAllAsync(stop.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // A sending task failed and stopped the run; its error is the one to report.
                }
                finally
                {
                    _queue.Writer.TryComplete();
                }

                try
                {
                    await Task.WhenAll(senders);
                }
                finally
                {
                    if (!cancellationToken.IsCancellationRequested)
                    {
                        // Claimed but never handed to the relay: back to Pending, unchanged.
                        while (_queue.Reader.TryRead(out var unsent))
                        {
                            await Outbox.ReleaseAsync(mailing, unsent.Row.SubscriberId, lease.Sender, CancellationToken.None);
                        }
                    }
                }

                completed = true;
            }
            finally
            {
                await renewing.CancelAsync();
                await renewal;
                if (!completed || Halted)
                {
                    // Held refusals are not believed when the run did not get to judge them: the next run asks again.
                    await PutBackAsync(_streak.Abandon());
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    // Stopped on purpose: rows still in flight are uncertain and go to whichever sender comes next,
                    // now rather than when the lease would have run out.
                    await Outbox.RenewLeaseAsync(mailing, lease with { Duration = TimeSpan.Zero }, CancellationToken.None);
                }
            }

            if (_halt is { } halt)
            {
                throw halt;
            }

            var end = _streak.End();
            await BelieveAsync(end.Believed, cancellationToken);
            if (end.IsRelayRefusal)
            {
                await PutBackAsync(end.PutBack);
                throw RelayRefusal($"every one of the run's {end.PutBack.Count} messages was refused with the same answer ({_streak.Tripped!.Answer})");
            }
        }

        private async Task ClaimAllAsync(CancellationToken cancellationToken)
        {
            while (!Halted && (quota is null || _claimed < quota))
            {
                var batch = await Outbox.ClaimAsync(mailing, Math.Min(owner._options.BatchSize, (quota ?? int.MaxValue) - _claimed), lease, onlySubscriber, cancellationToken);
                _claimed += batch.Count;
                var resumed = batch.Count(i => i.Resumed);
                if (resumed > 0)
                {
                    Interlocked.Add(ref _resumed, resumed);
                    Logger.LogWarning("{Week}: {Count} message(s) left in Sending by a sender whose lease ran out are sent again with their Message-IDs", mailing, resumed);
                }

                foreach (var item in batch)
                {
                    if (Halted)
                    {
                        await Outbox.ReleaseAsync(mailing, item.Row.SubscriberId, lease.Sender, CancellationToken.None);
                        continue;
                    }

                    Interlocked.Increment(ref _inFlight);
                    await _queue.Writer.WriteAsync(item, cancellationToken);
                }

                if (batch.Count > 0)
                {
                    continue;
                }

                if (Volatile.Read(ref _inFlight) > 0)
                {
                    // Messages still with the relay may come back deferred: look again when one is done.
                    await _finished.WaitAsync(cancellationToken);
                    continue;
                }

                if (quota is not null)
                {
                    // A batch: whoever handed it out waits for other senders and for deferred messages.
                    return;
                }

                if (onlySubscriber is null && await Outbox.NextLeaseEndAsync(mailing, lease.Sender, cancellationToken) is { } leaseEnd)
                {
                    // Another sender holds rows: it finishes them, or its lease runs out and they are taken over here.
                    var untilEnd = leaseEnd - owner._time.GetUtcNow();
                    await Task.Delay(untilEnd < LeasePoll ? (untilEnd > TimeSpan.Zero ? untilEnd : TimeSpan.Zero) : LeasePoll, owner._time, cancellationToken);
                    continue;
                }

                var next = await Outbox.NextDeferredAsync(mailing, cancellationToken);
                var wait = next - owner._time.GetUtcNow();
                if (wait is null || wait > owner._options.WaitForDeferred)
                {
                    return;
                }

                if (wait > TimeSpan.Zero)
                {
                    Logger.LogInformation("{Week}: waiting {Seconds:F0} s for deferred messages to come due", mailing, wait.Value.TotalSeconds);
                    await Task.Delay(wait.Value, owner._time, cancellationToken);
                }
            }
        }

        /// <summary>How often a run waiting for other senders' rows looks again (they may finish or defer them sooner than their leases end).</summary>
        private TimeSpan LeasePoll => TimeSpan.FromTicks(Math.Min(TimeSpan.FromSeconds(1).Ticks, owner._options.Lease.Ticks / 4));

        /// <summary>Keeps the run's rows its own: renews the lease at a third of its length until the run ends.</summary>
        private async Task RenewAsync(CancellationToken cancellationToken)
        {
            try
            {
                while (true)
                {
                    await Task.Delay(owner._options.Lease / 3, owner._time, cancellationToken);
                    try
                    {
                        await Outbox.RenewLeaseAsync(mailing, lease, cancellationToken);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // The database may be restarting; the next renewal tries again, well before the lease ends.
                        Logger.LogWarning("{Week}: could not renew the lease of {Sender} ({Problem}); trying again", mailing, lease.Sender, e.Message);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
        }

        private async Task SendAllAsync(ResiliencePipeline<SendResult> pipeline, SendPacer? pacer, CancellationTokenSource stop)
        {
            await Task.Yield();
            Transport.IMailTransport? transport = null;
            try
            {
                await foreach (var item in _queue.Reader.ReadAllAsync(stop.Token))
                {
                    var handedOver = false;
                    try
                    {
                        if (Halted)
                        {
                            await Outbox.ReleaseAsync(mailing, item.Row.SubscriberId, lease.Sender, CancellationToken.None);
                            continue;
                        }

                        using var message = owner._builder.Build(item, content);
                        var recipient = (MailboxAddress)message.To[0];
                        var result = await pipeline.ExecuteAsync(
                            async token =>
                            {
                                if (pacer is not null)
                                {
                                    await pacer.WaitAsync(token);
                                }

                                if (transport is not { IsConnected: true })
                                {
                                    if (transport is not null)
                                    {
                                        await transport.DisposeAsync();
                                    }

                                    transport = null;
                                    transport = await owner._transports.ConnectAsync(token);
                                }

                                handedOver = true;
                                return await transport.SendAsync(message, owner._builder.List.From, recipient, token);
                            },
                            stop.Token);
                        await RecordAsync(item, result, stop.Token);
                    }
                    catch (Exception e) when (IsConnectionFailure(e) || e is FormatException)
                    {
                        await Outbox.ReleaseAsync(mailing, item.Row.SubscriberId, lease.Sender, CancellationToken.None);
                        stop.Cancel();
                        throw e is FormatException
                            ? new DeliveryException($"the message to subscriber {item.Row.SubscriberId} cannot be built: {e.Message}", e)
                            : new DeliveryException($"cannot deliver through {owner._transports.Description}: {e.Message}", e);
                    }
                    catch (OperationCanceledException) when (!handedOver)
                    {
                        // Stopped before the relay saw a byte of it: nothing is uncertain, so it goes back to Pending.
                        await Outbox.ReleaseAsync(mailing, item.Row.SubscriberId, lease.Sender, CancellationToken.None);
                        throw;
                    }
                    catch (DeliveryException)
                    {
                        await Outbox.ReleaseAsync(mailing, item.Row.SubscriberId, lease.Sender, CancellationToken.None);
                        stop.Cancel();
                        throw;
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _inFlight);
                        Signal();
                    }
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The run is stopping; rows in flight stay Sending and the next run sends them again.
            }
            catch
            {
                // Whatever failed, the claiming loop must not wait for a sender that is gone.
                await stop.CancelAsync();
                throw;
            }
            finally
            {
                if (transport is not null)
                {
                    await transport.DisposeAsync();
                }
            }
        }

        private async Task RecordAsync(OutboxItem item, SendResult result, CancellationToken cancellationToken)
        {
            var id = item.Row.SubscriberId;
            switch (result.Outcome)
            {
                case SendOutcome.RecipientRejected:
                    var step = _streak.Refused(item, result);
                    await BelieveAsync(step.Believed, cancellationToken);
                    if (step.IsRelayRefusal)
                    {
                        await PutBackAsync(step.PutBack);
                        Halt(RelayRefusal($"the relay refused {_streak.Limit} recipients in a row with the same answer ({_streak.Tripped!.Answer})"));
                    }
                    else
                    {
                        Logger.LogDebug("{Week}: subscriber {Id}: refused ({Answer}); judged once the relay answers another message differently", mailing, id, result.Answer);
                    }

                    return;
                case SendOutcome.Rejected:
                    // The same issue goes to everyone (only the greeting and the link differ): what the relay refuses
                    // for one copy it refuses for all, so nobody's copy is failed for it.
                    await PutBackAsync([item]);
                    Halt(RelayRefusal($"the relay refused the message itself ({result.Answer})"));
                    return;
            }

            await BelieveAsync(_streak.OtherAnswer(), cancellationToken);
            switch (result.Outcome)
            {
                case SendOutcome.Accepted:
                    // Not cancellable: the relay has the message, so the row must say so.
                    await Outbox.MarkSentAsync(mailing, id, result.Answer, CancellationToken.None);
                    Interlocked.Increment(ref _sent);
                    Logger.LogDebug("{Week}: subscriber {Id}: sent ({Answer})", mailing, id, result.Answer);
                    break;
                case SendOutcome.Transient when item.Row.Attempts < owner._options.MaxAttempts:
                    var next = owner._time.GetUtcNow() + owner._options.DeferDelay * Math.Pow(2, item.Row.Attempts - 1);
                    await Outbox.MarkDeferredAsync(mailing, id, next, result.Answer, cancellationToken);
                    Interlocked.Increment(ref _deferred);
                    Logger.LogWarning("{Week}: subscriber {Id}: deferred until {Next:u} after attempt {Attempt} ({Answer})", mailing, id, next, item.Row.Attempts, result.Answer);
                    break;
                default:
                    await Outbox.MarkFailedAsync(mailing, id, result.Answer, null, cancellationToken);
                    Interlocked.Increment(ref _failed);
                    Logger.LogWarning("{Week}: subscriber {Id}: failed after {Attempts} attempts ({Answer}); `send --retry-failed` tries it again", mailing, id, item.Row.Attempts, result.Answer);
                    break;
            }
        }

        /// <summary>Recipients' refusals found to be theirs: the row fails and the address is suppressed.</summary>
        private async Task BelieveAsync(IReadOnlyList<(OutboxItem Item, SendResult Result)> refusals, CancellationToken cancellationToken)
        {
            foreach (var (item, result) in refusals)
            {
                await Outbox.MarkFailedAsync(mailing, item.Row.SubscriberId, result.Answer, SuppressionReason.Bounced, cancellationToken);
                Interlocked.Increment(ref _failed);
                Logger.LogWarning("{Week}: subscriber {Id}: the relay refused the address permanently and it is now suppressed ({Answer})", mailing, item.Row.SubscriberId, result.Answer);
            }
        }

        /// <summary>Rows the relay refused for reasons of its own: back to Pending, unchanged, for the next run.</summary>
        private async Task PutBackAsync(IReadOnlyList<OutboxItem> items)
        {
            foreach (var item in items)
            {
                await Outbox.ReleaseAsync(mailing, item.Row.SubscriberId, lease.Sender, CancellationToken.None);
            }
        }

        private DeliveryException RelayRefusal(string what) => new(
            $"{what}: that is the relay refusing us, not the recipients, so the run stopped; no message was marked failed and no address was suppressed"
            + (_streak.Limit > 0 ? $" (Mail:SameRefusalsInARow, now {_streak.Limit}, is how many refusals in a row are the relay's; 0 believes each)" : ""));

        private void Halt(DeliveryException why)
        {
            if (Interlocked.CompareExchange(ref _halt, why, null) is null)
            {
                Logger.LogWarning("{Week}: stopping: {Why}", mailing, why.Message);
            }

            Signal();
        }

        public void Dispose() => _finished.Dispose();

        private void Signal() => _finished.Release();

        private ResiliencePipeline<SendResult> Pipeline()
        {
            var pipeline = new ResiliencePipelineBuilder<SendResult> { TimeProvider = owner._time };
            if (owner._options.Retries > 0)
            {
                pipeline.AddRetry(new RetryStrategyOptions<SendResult>
                {
                    ShouldHandle = args => ValueTask.FromResult(
                        args.Outcome.Result?.Outcome == SendOutcome.Transient || (args.Outcome.Exception is { } e && IsConnectionFailure(e))),
                    MaxRetryAttempts = owner._options.Retries,
                    Delay = owner._options.RetryDelay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    OnRetry = args =>
                    {
                        Logger.LogInformation(
                            "{Week}: retry {Attempt} in {Delay:F1} s after {Why}",
                            mailing,
                            args.AttemptNumber + 1,
                            args.RetryDelay.TotalSeconds,
                            args.Outcome.Result?.Answer ?? args.Outcome.Exception?.Message);
                        return ValueTask.CompletedTask;
                    },
                });
            }

            return pipeline.Build();
        }

        private static bool IsConnectionFailure(Exception e) =>
            e is IOException or SocketException or ServiceNotConnectedException or SmtpProtocolException or TimeoutException;
    }
}
