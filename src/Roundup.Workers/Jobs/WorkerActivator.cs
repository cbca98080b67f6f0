using Hangfire;

namespace Roundup.Workers.Jobs;

/// <summary>Makes the weekly job's jobs with the worker's context; Hangfire would otherwise need a parameterless constructor.</summary>
internal sealed class WorkerActivator(WorkerContext context) : JobActivator
{
    public override object ActivateJob(Type jobType) =>
        jobType == typeof(ReadFullTextJob) ? new ReadFullTextJob(context)
        : jobType == typeof(WriteEntryJob) ? new WriteEntryJob(context)
        : base.ActivateJob(jobType);
}
