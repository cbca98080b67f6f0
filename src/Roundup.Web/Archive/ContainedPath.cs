namespace Roundup.Web.Archive;

/// <summary>
/// Resolves a path inside a folder as the kernel would, one name at a time, without ever stepping out of the folder:
/// a symbolic link is followed only when its target, read relative to where the link is (or absolute, starting with
/// the folder's own real path), stays inside; a <c>..</c> may climb only to the folder itself. A link that leaves,
/// even one that would come back in, is refused, so nothing outside is ever looked at on a client's behalf. What is
/// found is the real path (no link left in it) of something inside the folder.
/// </summary>
internal static class ContainedPath
{
    /// <summary>Linux's own bound on the links one lookup follows (MAXSYMLINKS): beyond it a chain is a loop.</summary>
    public const int MaxLinks = 40;

    private static readonly char[] Separators = [Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar];

    private static readonly StringComparison FileNames =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>The real path of <paramref name="folder"/> itself: its links are followed wherever they go (the operator chose the folder).</summary>
    public static string? RealFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        var top = Path.GetPathRoot(full)!;
        var found = Resolve(top, full[top.Length..]);
        return found.RealPath is { } real && Directory.Exists(real) ? real : null;
    }

    /// <summary>
    /// Finds <paramref name="relative"/> under <paramref name="realFolder"/> (a real path, as <see cref="RealFolder"/>
    /// gives). Throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the file system
    /// cannot be read.
    /// </summary>
    public static ContainedLookup Resolve(string realFolder, string relative)
    {
        var inside = new List<string>();
        var pending = new Stack<string>();
        Push(pending, relative);
        var links = 0;
        string? lastLink = null;
        while (pending.TryPop(out var name))
        {
            if (name is "" or ".")
            {
                continue;
            }

            if (name == "..")
            {
                if (inside.Count == 0)
                {
                    return ContainedLookup.Refused(lastLink is null ? "'..' climbs above the folder" : $"the link {lastLink} leads above the folder ('..')");
                }

                inside.RemoveAt(inside.Count - 1);
                continue;
            }

            var candidate = Join(realFolder, inside, name);
            var target = LinkTarget(candidate);
            if (target is null)
            {
                if (!Path.Exists(candidate))
                {
                    return ContainedLookup.NotFound;
                }

                inside.Add(name);
                continue;
            }

            var link = Path.GetRelativePath(realFolder, candidate);
            lastLink = link;
            if (++links > MaxLinks)
            {
                return ContainedLookup.Refused($"more than {MaxLinks} links were followed from {link} (a loop)");
            }

            if (target.Length == 0)
            {
                return ContainedLookup.NotFound;
            }

            if (Path.IsPathRooted(target))
            {
                var rest = Below(realFolder, target);
                if (rest is null)
                {
                    return ContainedLookup.Refused($"the link {link} points to {target}, outside the folder");
                }

                inside.Clear();
                Push(pending, rest);
            }
            else
            {
                Push(pending, target);
            }
        }

        return ContainedLookup.Found(Join(realFolder, inside, null), inside);
    }

    /// <summary>The target of <paramref name="path"/> when it is a link, null when it is not or nothing is there.</summary>
    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException) when (!Path.Exists(path))
        {
            // Nothing is there (or a file stands where a folder was asked for).
            return null;
        }
    }

    /// <summary>The part of the absolute <paramref name="target"/> below <paramref name="realFolder"/>, or null when it does not start there.</summary>
    private static string? Below(string realFolder, string target)
    {
        var folderRoot = Path.GetPathRoot(realFolder)!;
        var targetRoot = Path.GetPathRoot(target)!;
        if (!string.Equals(folderRoot.TrimEnd(Separators), targetRoot.TrimEnd(Separators), FileNames))
        {
            return null;
        }

        var folderNames = realFolder[folderRoot.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        var targetNames = target[targetRoot.Length..].Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (targetNames.Length < folderNames.Length)
        {
            return null;
        }

        for (var i = 0; i < folderNames.Length; i++)
        {
            if (!string.Equals(folderNames[i], targetNames[i], FileNames))
            {
                return null;
            }
        }

        return string.Join(Path.DirectorySeparatorChar, targetNames[folderNames.Length..]);
    }

    private static void Push(Stack<string> pending, string path)
    {
        var names = path.Split(Separators);
        for (var i = names.Length - 1; i >= 0; i--)
        {
            pending.Push(names[i]);
        }
    }

    private static string Join(string realFolder, List<string> inside, string? name)
    {
        var path = inside.Aggregate(realFolder, Path.Join);
        return name is null ? path : Path.Join(path, name);
    }
}
