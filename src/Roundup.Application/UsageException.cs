namespace Roundup.Application;

/// <summary>
/// A request that cannot be done as asked (its arguments, the configuration or the stored state forbid it): every
/// front end shows the message as it is; the CLI prints it as one line and exits 2.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
