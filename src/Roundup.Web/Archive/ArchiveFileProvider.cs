using System.Collections.Concurrent;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace Roundup.Web.Archive;

/// <summary>
/// The archive folder as the static-file middleware sees it. A file or folder is there only when its path, with
/// every link followed, stays inside the folder's real path, hop by hop (<see cref="ContainedPath"/>): links between
/// the archive's own files work, and a link out of it, at any depth, is as absent as a missing file. Names starting
/// with a dot are never there, and folders list nothing. The folder's real path is read on every request, so
/// swapping a link that stands for the whole folder takes effect at once.
/// </summary>
internal sealed class ArchiveFileProvider(string folder, ILogger logger) : IFileProvider
{
    /// <summary>How many different refusals are logged; a refusal names a link of the folder, so there are few.</summary>
    private const int MaxWarnings = 1000;

    private static readonly char[] Unservable = [.. Path.GetInvalidFileNameChars(), '\\'];
    private readonly ConcurrentDictionary<string, bool> _warned = new(StringComparer.Ordinal);

    public IFileInfo GetFileInfo(string subpath) =>
        Find(subpath) is { } found && File.Exists(found) ? new PhysicalFileInfo(new FileInfo(found)) : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) =>
        Find(subpath) is { } found && Directory.Exists(found) ? UnlistedFolder.Instance : NotFoundDirectoryContents.Singleton;

    // Nothing watches the archive: the static-file middleware reads the file system on every request.
    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    /// <summary>The real path of what <paramref name="subpath"/> names inside the folder, or null.</summary>
    private string? Find(string subpath)
    {
        var names = subpath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (!names.All(Servable))
        {
            return null;
        }

        try
        {
            if (ContainedPath.RealFolder(folder) is not { } root)
            {
                return null;
            }

            var lookup = ContainedPath.Resolve(root, string.Join(Path.DirectorySeparatorChar, names));
            if (lookup.Refusal is not null)
            {
                // The operator's to fix: someone put a link into the published folder. The client gets a plain 404.
                Warn(names, lookup.Refusal);
                return null;
            }

            return lookup.RealPath is { } real && lookup.Names.All(Servable) && !IsHidden(real) ? real : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Warn(names, e.Message);
            return null;
        }
    }

    /// <summary>
    /// Logs each refusal the first time it is met: a request is looked up twice (as a folder, then as a file), and a
    /// client asking again and again must not flood the log.
    /// </summary>
    private void Warn(string[] names, string refusal)
    {
        if (_warned.Count < MaxWarnings && _warned.TryAdd(refusal, true))
        {
            logger.LogWarning("archive: /{Path} not served: {Refusal} (logged once)", string.Join('/', names), refusal);
        }
    }

    private static bool Servable(string name) => !name.StartsWith('.') && name.IndexOfAny(Unservable) < 0;

    private static bool IsHidden(string path) => (File.GetAttributes(path) & (FileAttributes.Hidden | FileAttributes.System)) != 0;
}
