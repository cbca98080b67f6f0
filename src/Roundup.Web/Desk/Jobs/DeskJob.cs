namespace Roundup.Web.Desk.Jobs;

/// <summary>
/// One piece of background work started from the desk (a harvest, a selection, a draft, a send): its state, when it
/// ran, and the lines it reported, which the desk shows as they come.
/// </summary>
public sealed class DeskJob(int id, string title, string curator, DateTimeOffset queued)
{
    private readonly List<string> _lines = [];
    private readonly List<JobFigure> _figures = [];
    private readonly Lock _gate = new();

    public int Id { get; } = id;

    public string Title { get; } = title;

    public string Curator { get; } = curator;

    public DateTimeOffset Queued { get; } = queued;

    public DateTimeOffset? Started { get; internal set; }

    public DateTimeOffset? Finished { get; internal set; }

    public JobState State { get; internal set; } = JobState.Queued;

    /// <summary>Where the desk sends the curator when the job is done (the week, the issue, the report), if anywhere.</summary>
    public string? ResultUrl { get; set; }

    public bool IsDone => State is JobState.Succeeded or JobState.Failed or JobState.Cancelled;

    /// <summary>The job's most recent lines are kept; older ones are dropped past this many.</summary>
    public const int MaxLines = 2000;

    public void Report(string line)
    {
        lock (_gate)
        {
            if (_lines.Count == MaxLines)
            {
                _lines.RemoveAt(0);
            }

            _lines.Add(line);
        }
    }

    public IReadOnlyList<string> Lines()
    {
        lock (_gate)
        {
            return [.. _lines];
        }
    }

    /// <summary>
    /// Sets one of the job's running figures (for a send: sent, deferred, failed, suppressed), shown above its lines
    /// and kept up to date on its page; figures keep the order they were first set in.
    /// </summary>
    public void Figure(string name, long value)
    {
        lock (_gate)
        {
            var at = _figures.FindIndex(f => f.Name == name);
            if (at < 0)
            {
                _figures.Add(new JobFigure(name, value));
            }
            else
            {
                _figures[at] = new JobFigure(name, value);
            }
        }
    }

    public IReadOnlyList<JobFigure> Figures()
    {
        lock (_gate)
        {
            return [.. _figures];
        }
    }
}

/// <summary>A named number a job keeps up to date while it runs.</summary>
public sealed record JobFigure(string Name, long Value);
