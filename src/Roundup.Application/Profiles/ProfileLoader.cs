using Microsoft.Extensions.Logging;
using Roundup.Profiles;

namespace Roundup.Application.Profiles;

/// <summary>The curator's profile from its file, or the built-in one when there is no file; and that file written.</summary>
public static class ProfileLoader
{
    public static CuratorProfile Load(string path, ILogger logger)
    {
        var (profile, errors) = File.Exists(path) ? ProfileFile.Read(path) : ProfileFile.Parse(DefaultProfile.Yaml, "(built-in profile)");
        if (errors.Count > 0)
        {
            throw new UsageException($"the profile has {errors.Count} error{(errors.Count == 1 ? "" : "s")}:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", errors)}");
        }

        if (!File.Exists(path))
        {
            logger.LogInformation("No {Path}: using the built-in profile (roundup init writes it for you to edit)", path);
        }

        return profile!;
    }

    /// <summary>Writes the built-in profile, with its comments, for the curator to edit (roundup init).</summary>
    public static void WriteDefault(string path, bool overwrite)
    {
        if (File.Exists(path) && !overwrite)
        {
            throw new UsageException($"{path} exists; use --force to overwrite it");
        }

        File.WriteAllText(path, DefaultProfile.Yaml + Environment.NewLine);
    }
}
