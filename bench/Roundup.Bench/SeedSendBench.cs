using System.Diagnostics;
using System.Globalization;
using Roundup.Delivery;
using Roundup.Storage.Postgres;

namespace Roundup.Bench;

/// <summary>
/// Fills an empty PostgreSQL store for a delivery benchmark of real <c>roundup send</c> processes: N active
/// subscribers and the 15-paper sample issue of <see cref="SendMailBench"/>, approved, as week 2025-W26.
/// </summary>
public static class SeedSendBench
{
    public static async Task RunAsync(string connectionString, int subscribers)
    {
        var clock = Stopwatch.StartNew();
        await using var store = await PostgresStore.OpenAsync(connectionString, TimeProvider.System, CancellationToken.None);
        for (var first = 0; first < subscribers; first += 5_000)
        {
            var page = Enumerable.Range(first, Math.Min(5_000, subscribers - first))
                .Select(i => new SubscriberImport($"reader{i:D6}@bench.example.org", $"Reader {i}"))
                .ToList();
            await store.Subscribers.AddSubscribersAsync(page, SubscriberStatus.Active);
        }

        await store.Issues.SaveAsync(SendMailBench.SampleIssue());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeded {subscribers:N0} subscribers and the approved issue 2025-W26 in {clock.Elapsed.TotalSeconds:F1} s"));
    }
}
