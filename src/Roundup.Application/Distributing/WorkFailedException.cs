namespace Roundup.Application.Distributing;

/// <summary>A part of the weekly job that failed on the workers after its retries, or work that could not be handed out.</summary>
public sealed class WorkFailedException : Exception
{
    public WorkFailedException(string message)
        : base(message)
    {
    }

    public WorkFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
