namespace Roundup.Storage;

/// <summary>The store cannot be used: unreachable, unreadable, or of a newer schema. Says how to recover.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
