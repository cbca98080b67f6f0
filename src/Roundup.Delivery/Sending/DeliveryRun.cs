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
/// as soon as the relay's 250 arrives. A run starts by returning rows a dead run left in Sending to Pending: they
/// are sent again with the same Message-ID. The one window for a second copy is between the relay's 250 and our
/// commit of Sent (a crash there cannot know the message went); the receiver can tell the copies apart by the
/// Message-ID. The store's sender lock keeps a second run from releasing rows a live run is sending.
/// </remarks>
public sealed class DeliveryRun
{
    private const int PreviewPage = 500;

    private readonly IDeliveryStore _store;
    private readonly IMailTransportFactory _transports;
    private readonly MessageBuilder _builder;
    private readonly DeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public DeliveryRun(IDeliveryStore store, IMailTransportFactory transports, MessageBuilder builder, DeliveryOptions options, TimeProvider time, ILogger logger)
    {
        if (options.Validate().FirstOrDefault() is { } problem)
        {
            throw new ArgumentException(problem, nameof(options));
        }

        _store = store;
        _transports = transports;
        _builder = builder;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public async Task<DeliveryReport> RunAsync(string week, IMessageContent content, long? onlySubscriber = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        await using var senderLock = await _store.LockSenderAsync(cancellationToken);
        var resumed = await _store.ReleaseInterruptedAsync(week, cancellationToken);
        if (resumed > 0)
        {
            _logger.LogWarning("{Week}: {Count} message(s) left in Sending by an interrupted run are sent again with their Message-IDs", week, resumed);
        }

        var before = await _store.CountAsync(week, cancellationToken);
        var enqueued = await _store.EnqueueAsync(week, _builder.List.Domain, onlySubscriber, cancellationToken);
        _logger.LogInformation("{Week}: {Enqueued} new message(s) in the outbox; sending through {Destination} on {Connections} connection(s)", week, enqueued, _transports.Description, _options.Connections);

        using var run = new Run(this, week, content, onlySubscriber);
        await run.ExecuteAsync(cancellationToken);
        var after = await _store.CountAsync(week, cancellationToken);
        return new DeliveryReport(week, _transports.Description, enqueued, resumed, run.Sent, run.Deferred, run.Failed, after.Suppressed - before.Suppressed, after, clock.Elapsed);
    }

    /// <summary>Builds every message the run would send now, without sending or changing anything.</summary>
    public async Task<DeliveryPreview> PreviewAsync(string week, IMessageContent content, long? onlySubscriber = null, CancellationToken cancellationToken = default)
    {
        var recipients = 0;
        string? subject = null;
        long after = 0;
        while (true)
        {
            var page = await _store.ListDueRecipientsAsync(week, after, PreviewPage, cancellationToken);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var subscriber in page.Where(s => onlySubscriber is null || s.Id == onlySubscriber))
            {
                var row = new OutboxRow(week, subscriber.Id, OutboxState.Pending, 0, null, $"preview.{subscriber.Id}@{_builder.List.Domain}", null, _time.GetUtcNow());
                using var message = _builder.Build(new OutboxItem(row, subscriber), content);
                subject ??= message.Subject;
                recipients++;
            }

            after = page[^1].Id;
        }

        return new DeliveryPreview(week, recipients, subject);
    }

    /// <summary>One run's moving parts: the claiming loop, the sending tasks and their counts.</summary>
    private sealed class Run(DeliveryRun owner, string week, IMessageContent content, long? onlySubscriber) : IDisposable
    {
        private readonly Channel<OutboxItem> _queue = Channel.CreateBounded<OutboxItem>(owner._options.Connections * 2);
        private readonly SemaphoreSlim _finished = new(0);
        private int _inFlight;
        private int _sent;
        private int _deferred;
        private int _failed;

        public int Sent => _sent;

        public int Deferred => _deferred;

        public int Failed => _failed;

        private IDeliveryStore Store => owner._store;

        private ILogger Logger => owner._logger;

        public async Task ExecuteAsync(CancellationToken cancellationToken)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var pacer = owner._options.MessagesPerSecond > 0 ? new SendPacer(owner._options.MessagesPerSecond, owner._time) : null;
            var pipeline = Pipeline();
            var senders = Enumerable.Range(0, owner._options.Connections).Select(_ => SendAllAsync(pipeline, pacer, stop)).ToList();
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
                        await Store.ReleaseAsync(week, unsent.Row.SubscriberId, CancellationToken.None);
                    }
                }
            }
        }

        private async Task ClaimAllAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var batch = await Store.ClaimAsync(week, owner._options.BatchSize, onlySubscriber, cancellationToken);
                foreach (var item in batch)
                {
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

                var next = await Store.NextDeferredAsync(week, cancellationToken);
                var wait = next - owner._time.GetUtcNow();
                if (wait is null || wait > owner._options.WaitForDeferred)
                {
                    return;
                }

                if (wait > TimeSpan.Zero)
                {
                    Logger.LogInformation("{Week}: waiting {Seconds:F0} s for deferred messages to come due", week, wait.Value.TotalSeconds);
                    await Task.Delay(wait.Value, owner._time, cancellationToken);
                }
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
                        await Store.ReleaseAsync(week, item.Row.SubscriberId, CancellationToken.None);
                        stop.Cancel();
                        throw e is FormatException
                            ? new DeliveryException($"the message to subscriber {item.Row.SubscriberId} cannot be built: {e.Message}", e)
                            : new DeliveryException($"cannot deliver through {owner._transports.Description}: {e.Message}", e);
                    }
                    catch (OperationCanceledException) when (!handedOver)
                    {
                        // Stopped before the relay saw a byte of it: nothing is uncertain, so it goes back to Pending.
                        await Store.ReleaseAsync(week, item.Row.SubscriberId, CancellationToken.None);
                        throw;
                    }
                    catch (DeliveryException)
                    {
                        await Store.ReleaseAsync(week, item.Row.SubscriberId, CancellationToken.None);
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
                case SendOutcome.Accepted:
                    // Not cancellable: the relay has the message, so the row must say so.
                    await Store.MarkSentAsync(week, id, result.Answer, CancellationToken.None);
                    Interlocked.Increment(ref _sent);
                    Logger.LogDebug("{Week}: subscriber {Id}: sent ({Answer})", week, id, result.Answer);
                    break;
                case SendOutcome.Transient when item.Row.Attempts < owner._options.MaxAttempts:
                    var next = owner._time.GetUtcNow() + owner._options.DeferDelay * Math.Pow(2, item.Row.Attempts - 1);
                    await Store.MarkDeferredAsync(week, id, next, result.Answer, cancellationToken);
                    Interlocked.Increment(ref _deferred);
                    Logger.LogWarning("{Week}: subscriber {Id}: deferred until {Next:u} after attempt {Attempt} ({Answer})", week, id, next, item.Row.Attempts, result.Answer);
                    break;
                case SendOutcome.Transient:
                    await Store.MarkFailedAsync(week, id, result.Answer, null, cancellationToken);
                    Interlocked.Increment(ref _failed);
                    Logger.LogWarning("{Week}: subscriber {Id}: failed after {Attempts} attempts ({Answer})", week, id, item.Row.Attempts, result.Answer);
                    break;
                case SendOutcome.RecipientRejected:
                    await Store.MarkFailedAsync(week, id, result.Answer, SuppressionReason.Bounced, cancellationToken);
                    Interlocked.Increment(ref _failed);
                    Logger.LogWarning("{Week}: subscriber {Id}: the relay refused the address permanently and it is now suppressed ({Answer})", week, id, result.Answer);
                    break;
                default:
                    await Store.MarkFailedAsync(week, id, result.Answer, null, cancellationToken);
                    Interlocked.Increment(ref _failed);
                    Logger.LogWarning("{Week}: subscriber {Id}: the relay refused the message permanently ({Answer})", week, id, result.Answer);
                    break;
            }
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
                            week,
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
