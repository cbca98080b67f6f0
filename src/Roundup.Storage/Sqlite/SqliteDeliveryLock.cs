namespace Roundup.Storage.Sqlite;

/// <summary>
/// The sender lock: a file beside the database opened exclusively. The operating system lets go of it when the
/// process ends, however it ends, so a killed run never leaves the store locked.
/// </summary>
internal sealed class SqliteDeliveryLock(FileStream file) : IAsyncDisposable
{
    public static SqliteDeliveryLock? TryTake(string path)
    {
        try
        {
#pragma warning disable CA2000 // the lock owns the stream; its constructor cannot throw
            return new SqliteDeliveryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
#pragma warning restore CA2000
        }
        catch (IOException)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync() => file.DisposeAsync();
}
