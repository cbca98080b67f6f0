using System.Net;
using Roundup.Delivery;

namespace Roundup.Web.Tests;

/// <summary>The POSTs that change subscriptions are rate-limited per client; pages and the archive are not.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Posts_beyond_the_limit_get_429_with_Retry_After_and_change_nothing()
    {
        await using var site = await RunningSite.StartAsync(o => o with { PostsPerWindow = 3, RateWindow = TimeSpan.FromMinutes(10) });
        var readers = new List<Subscriber>();
        for (var i = 0; i < 4; i++)
        {
            readers.Add(await site.AddAsync($"reader{i}@mail.example.org"));
        }

        for (var i = 0; i < 3; i++)
        {
            var (status, body) = await RunningSite.ReadAsync(await site.PostAsync(site.Link("unsubscribe", site.UnsubscribeToken(readers[i].Id)), RunningSite.OneClick()));
            Assert.True(status == HttpStatusCode.OK, body);
        }

        using var limited = await site.PostAsync(site.Link("unsubscribe", site.UnsubscribeToken(readers[3].Id)), RunningSite.OneClick());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        Assert.Contains("Too many requests", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Active, await site.StatusAsync(readers[3].Id));

        // GETs are not counted: the page still shows, and it still changes nothing.
        using var page = await site.Client.GetAsync(site.Link("unsubscribe", site.UnsubscribeToken(readers[3].Id)));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }
}
