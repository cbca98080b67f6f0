namespace Roundup.Arxiv.Files;

/// <summary>
/// What says a file is the one read before: its full path, size and last write time. Taken from the open handle,
/// not hashed: a stat costs nothing where hashing would read a 4.5 GB snapshot once more on every import, and every
/// append or edit changes the size or the time.
/// </summary>
public sealed record FileIdentity(string Path, long Size, DateTime Modified)
{
    public static FileIdentity Of(FileStream stream) =>
        new(System.IO.Path.GetFullPath(stream.Name), stream.Length, File.GetLastWriteTimeUtc(stream.SafeFileHandle));
}
