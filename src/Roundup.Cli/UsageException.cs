namespace Roundup.Cli;

/// <summary>The command line or configuration is wrong: printed as one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
