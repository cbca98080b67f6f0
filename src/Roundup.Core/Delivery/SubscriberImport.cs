namespace Roundup.Delivery;

/// <summary>One validated address to add, with the line of the file it came from (0 when typed on the command line).</summary>
public sealed record SubscriberImport(string Email, string? Name, int Line = 0);
