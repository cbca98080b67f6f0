using System.Diagnostics;

namespace Roundup.Testing.Processes;

/// <summary>
/// How tests start the real <c>roundup</c> program (roundup.dll beside the tests) as a process of its own: output
/// redirected, none of the caller's ROUNDUP_* settings, only the ones the test gives.
/// </summary>
public static class RoundupStart
{
    public static ProcessStartInfo Info(string workingDirectory, IEnumerable<KeyValuePair<string, string>> environment, IEnumerable<string> args, bool redirectInput = false)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "roundup.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ROUNDUP_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
