using System.Diagnostics;
using System.Globalization;
using Roundup.Arxiv.Files;
using Roundup.Calendar;
using Roundup.Harvesting;
using Roundup.Storage.Postgres;

namespace Roundup.Bench;

/// <summary>
/// The PostgreSQL half of a snapshot import alone: the first records of the file are read into memory, then stored
/// page by page (binary COPY) into the empty database the connection string names; the wall time and this
/// process's CPU time of the storing are reported, so the store's own capacity shows apart from the reader.
/// </summary>
public static class PostgresStorePhase
{
    public static async Task RunAsync(string file, string connectionString, int limit)
    {
        var request = new HarvestRequest(DateOnly.MinValue, DateOnly.MaxValue, []);
        var pages = new List<HarvestPage>();
        var records = 0;
        await foreach (var page in new SnapshotFileSource([file], new ArxivCalendar()).ReadAsync(request, null))
        {
            pages.Add(page);
            records += page.Papers.Count;
            if (records >= limit)
            {
                break;
            }
        }

        await using var store = await PostgresStore.OpenAsync(connectionString);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        foreach (var page in pages)
        {
            await store.SavePageAsync("snapshot", "bench", page.Papers, page.NextPosition);
        }

        var wall = watch.Elapsed;
        var client = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{records:N0} records stored in {wall.TotalSeconds:F2} s ({records / wall.TotalSeconds:N0}/s); this process's CPU while storing {client.TotalSeconds:F2} s"));
    }
}
