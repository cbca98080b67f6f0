using Microsoft.Extensions.Logging.Abstractions;
using Roundup.Arxiv.Http;
using Roundup.Testing.Http;
using Roundup.Testing.Postgres;
using Roundup.Workers.Database;
using Roundup.Workers.Spacing;

namespace Roundup.Workers.Tests;

/// <summary>
/// Several clients, each with its own connection as separate workers would have, asking one server at once: with the
/// spacing shared in PostgreSQL their requests arrive the configured interval apart; each with its own spacing they
/// would not (the control, so the first assertion can fail).
/// </summary>
public sealed class SharedSpacingTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Spacing = TimeSpan.FromSeconds(0.5);

    [Fact]
    public async Task Requests_of_several_clients_together_are_spaced_by_the_configured_interval()
    {
        var database = new WorkDatabase(await postgres.DatabaseAsync("spacing"));
        await database.MigrateAsync(TestContext.Current.CancellationToken);
        await using var server = new ReplayServer();
        server.Map(_ => Reply.Text("ok"));

        await AskTogetherAsync(server, clients: 3, requestsEach: 4, _ => new SharedRequestSpacing(database, TimeProvider.System));

        var gaps = Gaps(server.Requests);
        Assert.Equal(11, gaps.Count);
        // The turn is taken in the database before the request leaves; a few milliseconds of the next one's way there may be saved.
        Assert.All(gaps, gap => Assert.True(gap >= Spacing - TimeSpan.FromMilliseconds(75), $"two requests {gap.TotalMilliseconds:0} ms apart (gaps: {string.Join(", ", gaps.Select(g => g.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture)))})"));
    }

    [Fact]
    public async Task Without_the_shared_spacing_the_same_clients_crowd_the_server()
    {
        await using var server = new ReplayServer();
        server.Map(_ => Reply.Text("ok"));

        await AskTogetherAsync(server, clients: 3, requestsEach: 4, _ => new LocalRequestSpacing(TimeProvider.System));

        Assert.Contains(Gaps(server.Requests), gap => gap < Spacing / 2);
    }

    /// <summary>
    /// Each client first asks once outside the measure, and the measured requests start when all have: a client's
    /// first request opens its connection (and the process's first compiles the HTTP stack) after its turn began,
    /// which would bring it closer to the next one than the turns were.
    /// </summary>
    private static async Task AskTogetherAsync(ReplayServer server, int clients, int requestsEach, Func<int, IRequestSpacing> spacing)
    {
        var options = new ArxivHttpOptions { MinIntervalSeconds = Spacing.TotalSeconds, CacheDirectory = null, MaxRetries = 0 };
        var cancel = TestContext.Current.CancellationToken;
        var all = Enumerable.Range(0, clients)
            .Select(c => new ArxivHttpClient(options, TimeProvider.System, NullLogger<ArxivHttpClient>.Instance, spacing: spacing(c)))
            .ToList();
        try
        {
            await Task.WhenAll(all.Select((client, c) => client.GetAsync(server.Url($"/warm-up/client{c}"), cancel)));
            await Task.WhenAll(all.Select(async (client, c) =>
            {
                for (var i = 0; i < requestsEach; i++)
                {
                    await client.GetAsync(server.Url($"/pdf/client{c}-request{i}"), cancel);
                }
            }));
        }
        finally
        {
            all.ForEach(client => client.Dispose());
        }
    }

    private static List<TimeSpan> Gaps(IReadOnlyList<RecordedRequest> requests)
    {
        var times = requests.Where(r => r.Path.StartsWith("/pdf/", StringComparison.Ordinal)).Select(r => r.ArrivedAt).Order().ToList();
        return [.. times.Zip(times.Skip(1), (a, b) => b - a)];
    }
}
