using System.Diagnostics;

namespace Roundup.Cli.Tests;

/// <summary>Runs the real <c>roundup</c> program as a separate process in a working directory of the test's.</summary>
public static class RoundupCli
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Task<Result> RunAsync(string workingDirectory, params string[] args) => RunAsync(workingDirectory, null, args);

    public static Task<Result> RunAsync(string workingDirectory, IDictionary<string, string>? environment, params string[] args) =>
        RunAsync(workingDirectory, environment, TimeSpan.FromMinutes(5), args);

    /// <summary>For the few verbs that train and evaluate on a month of listings: a Debug build on a busy CI machine takes minutes.</summary>
    public static async Task<Result> RunAsync(string workingDirectory, IDictionary<string, string>? environment, TimeSpan limit, params string[] args)
    {
        using var process = Start(workingDirectory, environment, args);
        return await WaitAsync(process, limit);
    }

    /// <summary>Runs roundup with <paramref name="input"/> on its stdin (then closed), e.g. a password for --password-stdin.</summary>
    public static async Task<Result> RunWithInputAsync(string workingDirectory, string input, params string[] args)
    {
        using var process = Start(workingDirectory, null, redirectInput: true, args);
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        return await WaitAsync(process, TimeSpan.FromMinutes(5));
    }

    /// <summary>Starts roundup without waiting, for tests that kill it midway.</summary>
    public static Process Start(string workingDirectory, IDictionary<string, string>? environment, params string[] args) =>
        Start(workingDirectory, environment, redirectInput: false, args);

    private static Process Start(string workingDirectory, IDictionary<string, string>? environment, bool redirectInput, string[] args)
    {
        // Nothing in tests goes to the internet: full texts come only from the folder unless a test says otherwise.
        var settings = new Dictionary<string, string> { ["ROUNDUP_Selection__FullText__Offline"] = "true" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }

        var start = Roundup.Testing.Processes.RoundupStart.Info(workingDirectory, settings, args, redirectInput);
        return Process.Start(start)!;
    }

    public static async Task<Result> WaitAsync(Process process, TimeSpan limit)
    {
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
