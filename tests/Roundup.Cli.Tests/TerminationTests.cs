using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Roundup.Testing;
using Roundup.Testing.Processes;

namespace Roundup.Cli.Tests;

/// <summary>
/// SIGTERM (what a service manager or <c>kill</c> sends; Ctrl-C takes the same path) stops a long verb within seconds,
/// and the store it leaves is one the next run continues from.
/// </summary>
public sealed partial class TerminationTests : IDisposable
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Sigterm_stops_an_import_and_the_rerun_stores_every_record()
    {
        const int records = 200_000;
        var file = _dir.File("2025-06-23.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, records).Select(i => JsonSerializer.Serialize(new
        {
            arxiv_id = string.Create(CultureInfo.InvariantCulture, $"25{1 + (i / 90_000):D2}.{1 + (i % 90_000):D5}"),
            listing_date = "2025-06-23",
            title = $"Paper number {i} on learning",
            abstract_ = "An abstract.",
            authors = new[] { $"Author {i % 997}" },
            primary_category = "cs.LG",
        }).Replace("abstract_", "abstract", StringComparison.Ordinal)));

        var (stopped, output) = await TerminateAsync("stored 1000 papers", "import", file, "--log-level", "Debug");

        Assert.Equal(1, stopped.ExitCode);
        Assert.Contains("roundup: cancelled", output, StringComparison.Ordinal);
        var rerun = await RoundupCli.RunAsync(_dir.Path, "import", file);
        Assert.True(rerun.ExitCode == 0, rerun.Stderr);
        Assert.Equal(records, Stored(rerun.Stdout));
    }

    [Fact]
    public async Task Sigterm_stops_a_selection_and_the_next_one_runs_whole()
    {
        var listings = SharedData.Require("arxiv/listings");
        var import = await RoundupCli.RunAsync(_dir.Path, "import", Path.Combine(listings, "2025-06-2*.jsonl"));
        Assert.True(import.ExitCode == 0, import.Stderr);

        var (stopped, output) = await TerminateAsync("Taste:", "select", "--week", "2025-W26");

        Assert.Equal(1, stopped.ExitCode);
        Assert.Contains("roundup: cancelled", output, StringComparison.Ordinal);
        var again = await RoundupCli.RunAsync(_dir.Path, "select", "--week", "2025-W26", "--format", "json");
        Assert.True(again.ExitCode == 0, again.Stderr);
        using var json = JsonDocument.Parse(again.Stdout);
        Assert.Equal(15, json.RootElement.GetProperty("picks").GetArrayLength());
    }

    /// <summary>
    /// Starts the verb, sends SIGTERM once its log shows <paramref name="working"/> (a signal during start-up, before
    /// the verb runs, is the runtime's to handle), and asserts it ended within the grace time.
    /// </summary>
    private async Task<(Process Process, string Output)> TerminateAsync(string working, params string[] args)
    {
        var process = RoundupCli.Start(_dir.Path, null, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var log = new System.Text.StringBuilder();
        while (await process.StandardError.ReadLineAsync() is { } line)
        {
            log.AppendLine(line);
            if (line.Contains(working, StringComparison.Ordinal))
            {
                break;
            }
        }

        var stderr = process.StandardError.ReadToEndAsync();
        Assert.False(process.HasExited, $"roundup {args[0]} finished before it could be stopped: {log}");
        var stopped = await Signals.TerminateWithinAsync(process, Grace);
        TestContext.Current.SendDiagnosticMessage($"roundup {args[0]} stopped {stopped.TotalMilliseconds:0} ms after SIGTERM");
        return (process, await stdout + log + await stderr);
    }

    private static int Stored(string output) =>
        int.Parse(StoredCount().Match(output).Groups[1].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"([\d,]+) papers stored")]
    private static partial Regex StoredCount();
}
