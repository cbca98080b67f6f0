namespace Roundup.Testing.Http;

/// <summary>
/// A clock for code that waits through <see cref="TimeProvider"/>: every timer fires at once (on the thread pool)
/// after moving the clock forward by its due time, and each requested wait is recorded. Code that sleeps for minutes
/// of backoff runs in milliseconds, and the test can still see when, by this clock, each thing happened.
/// Periodic timers fire once only.
/// </summary>
public sealed class AutoAdvancingTimeProvider : TimeProvider
{
    private readonly Lock _lock = new();
    private readonly List<TimeSpan> _waits = [];
    private DateTimeOffset _now;

    public AutoAdvancingTimeProvider(DateTimeOffset? start = null)
    {
        _now = start ?? new DateTimeOffset(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    }

    /// <summary>Every timer due time requested so far, in order (zero and infinite ones excluded).</summary>
    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_lock)
            {
                return [.. _waits];
            }
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock forward without any timer (to age a cache entry, say).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_lock)
        {
            _now += by;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new AutoAdvancingTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    internal void Elapse(TimeSpan wait)
    {
        lock (_lock)
        {
            if (wait > TimeSpan.Zero)
            {
                _waits.Add(wait);
                _now += wait;
            }
        }
    }
}
