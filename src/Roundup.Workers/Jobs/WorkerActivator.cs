using Hangfire;

namespace Roundup.Workers.Jobs;

/// <summary>Makes the jobs of this folder with the worker's context; Hangfire would otherwise need a parameterless constructor.</summary>
internal sealed class WorkerActivator(WorkerContext context) : JobActivator
{
    public override object ActivateJob(Type jobType) =>
        jobType.GetConstructor([typeof(WorkerContext)]) is { } constructor ? constructor.Invoke([context]) : base.ActivateJob(jobType);
}
