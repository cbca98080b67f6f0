using Xunit;

namespace Roundup.Testing;

/// <summary>
/// The real data in ../shared/data beside the repository. It is never copied into the project; a test that needs
/// it skips, saying why, on a clone that does not have it.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> RootPath = new(FindRoot);

    /// <summary>The shared data folder, or null when it is absent.</summary>
    public static string? Root => RootPath.Value;

    /// <summary>The full path of a file or folder under shared/data; skips the calling test when it is absent.</summary>
    public static string Require(string relativePath)
    {
        if (Root is null)
        {
            Assert.Skip("../shared/data is absent (it sits beside the repository on development machines and in CI); this test reads real arXiv data from it");
        }

        var path = Path.Combine(Root, relativePath);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            Assert.Skip($"{path} is absent from the shared data; this test needs it");
        }

        return path;
    }

    /// <summary>The repository's root folder (the one holding Roundup.slnx).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Roundup.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException($"no Roundup.slnx above {AppContext.BaseDirectory}");
    }

    private static string? FindRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("ROUNDUP_SHARED_DATA");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv))
        {
            return fromEnv;
        }

        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared", "data");
            if (File.Exists(Path.Combine(dir.FullName, "Roundup.slnx")) && Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }

            dir = dir.Parent;
        }

        return null;
    }
}
