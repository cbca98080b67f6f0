using System.Diagnostics;
using System.Globalization;
using Roundup.Arxiv.Files;
using Roundup.Calendar;
using Roundup.Harvesting;
using Roundup.Storage.Sqlite;

namespace Roundup.Bench;

/// <summary>
/// Times the two halves of a snapshot import apart, to show which one bounds the pipelined whole: reading and
/// converting the file (pages dropped as they come, as an import does), then storing the same pages (read again and
/// held in memory first, so only the store is timed; use a small file).
/// </summary>
public static class SnapshotPhases
{
    public static async Task RunAsync(string file, string database)
    {
        var request = new HarvestRequest(DateOnly.MinValue, DateOnly.MaxValue, []);
        var source = new SnapshotFileSource([file], new ArxivCalendar());
        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var records = 0;
        await foreach (var page in source.ReadAsync(request, null))
        {
            records += page.Papers.Count;
        }

        var read = watch.Elapsed;
        process.Refresh();
        var readCpu = process.TotalProcessorTime - cpuStart;
        var pages = await source.ReadAsync(request, null).ToListAsync();
        foreach (var f in Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(database))!, Path.GetFileName(database) + "*"))
        {
            File.Delete(f);
        }

        process.Refresh();
        cpuStart = process.TotalProcessorTime;
        watch.Restart();
        await using (var store = await SqliteStore.OpenAsync(database))
        {
            foreach (var page in pages)
            {
                await store.SavePageAsync("snapshot", "bench", page.Papers, page.NextPosition);
            }
        }

        var stored = watch.Elapsed;
        process.Refresh();
        var storeCpu = process.TotalProcessorTime - cpuStart;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{records:N0} records: read+convert {read.TotalSeconds:F2} s ({records / read.TotalSeconds:N0}/s; {readCpu.TotalSeconds:F2} s CPU), store {stored.TotalSeconds:F2} s ({records / stored.TotalSeconds:N0}/s; {storeCpu.TotalSeconds:F2} s CPU)"));
    }
}
