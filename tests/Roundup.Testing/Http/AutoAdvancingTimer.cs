namespace Roundup.Testing.Http;

/// <summary>A timer of <see cref="AutoAdvancingTimeProvider"/>: advances the clock and fires on the thread pool.</summary>
internal sealed class AutoAdvancingTimer(AutoAdvancingTimeProvider clock, TimerCallback callback, object? state) : ITimer
{
    private readonly Lock _lock = new();
    private int _generation;
    private bool _disposed;

    public bool Change(TimeSpan dueTime, TimeSpan period)
    {
        int generation;
        lock (_lock)
        {
            if (_disposed)
            {
                return false;
            }

            generation = ++_generation;
        }

        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return true;
        }

        clock.Elapse(dueTime);

        // Never fire inside CreateTimer: the caller may not have stored the timer yet.
        ThreadPool.QueueUserWorkItem(_ => Fire(generation));
        return true;
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _disposed = true;
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Fire(int generation)
    {
        lock (_lock)
        {
            if (_disposed || generation != _generation)
            {
                return;
            }
        }

        callback(state);
    }
}
