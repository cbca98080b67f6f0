using System.Net;
using Roundup.Delivery;

namespace Roundup.Web.Tests;

/// <summary>
/// The POSTs that change subscriptions are rate-limited: forged links and sign-ups per client address, a genuine
/// link per its own subscriber, so no flood of bad POSTs stops a reader's one-click unsubscribe. Pages and the
/// archive are not limited.
/// </summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task Forged_posts_beyond_the_limit_get_429_with_Retry_After_and_change_nothing()
    {
        await using var site = await RunningSite.StartAsync(o => o with { PostsPerWindow = 3, RateWindow = TimeSpan.FromMinutes(10) });
        var reader = await site.AddAsync("reader@mail.example.org");
        for (var i = 0; i < 3; i++)
        {
            var (status, body) = await RunningSite.ReadAsync(await site.PostAsync(site.Link("unsubscribe", site.ForgedUnsubscribeToken(reader.Id)), RunningSite.OneClick()));
            Assert.True(status == HttpStatusCode.BadRequest, body);
        }

        using var limited = await site.PostAsync(site.Link("unsubscribe", site.ForgedUnsubscribeToken(reader.Id)), RunningSite.OneClick());
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        Assert.Contains("Too many requests", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Sign-ups draw on the same address's budget: refused before anything is stored.
        using var signUp = await site.PostAsync(new Uri(site.Base, "subscribe"), new FormUrlEncodedContent([new("email", "new@mail.example.org")]));
        Assert.Equal(HttpStatusCode.TooManyRequests, signUp.StatusCode);
        Assert.Null(await site.Store.FindSubscriberAsync("new@mail.example.org"));
        Assert.Equal(SubscriberStatus.Active, await site.StatusAsync(reader.Id));

        // GETs are not counted: the page still shows, and it still changes nothing.
        using var page = await site.Client.GetAsync(site.Link("unsubscribe", site.UnsubscribeToken(reader.Id)));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(SubscriberStatus.Active, await site.StatusAsync(reader.Id));
    }

    [Fact]
    public async Task Thirty_five_forged_posts_from_one_address_do_not_stop_a_genuine_one_click_unsubscribe_or_confirmation()
    {
        // The shipped limit: 30 POSTs a minute.
        await using var site = await RunningSite.StartAsync();
        var reader = await site.AddAsync("reader@mail.example.org");
        var pending = await site.AddAsync("pending@mail.example.org", SubscriberStatus.Pending);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 35; i++)
        {
            var forged = i % 2 == 0 ? site.ForgedUnsubscribeToken(reader.Id) : "AQEAAAAAAAAAAQ.bm90LWEtc2lnbmF0dXJl";
            using var response = await site.PostAsync(site.Link("unsubscribe", forged), RunningSite.OneClick());
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(30, statuses.Count(s => s == HttpStatusCode.BadRequest));
        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.Equal(SubscriberStatus.Active, await site.StatusAsync(reader.Id));

        var (status, body) = await RunningSite.ReadAsync(await site.PostAsync(site.Link("unsubscribe", site.UnsubscribeToken(reader.Id)), RunningSite.OneClick()));
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal(SubscriberStatus.Unsubscribed, await site.StatusAsync(reader.Id));

        var confirm = await RunningSite.ReadAsync(await site.PostAsync(site.Link("confirm", site.ConfirmToken(pending.Id)), new FormUrlEncodedContent([new("action", "confirm")])));
        Assert.True(confirm.Status == HttpStatusCode.OK, confirm.Body);
        Assert.Equal(SubscriberStatus.Active, await site.StatusAsync(pending.Id));

        // The flooding address is still limited for what is not a genuine link.
        using var stillLimited = await site.PostAsync(site.Link("unsubscribe", site.ForgedUnsubscribeToken(reader.Id)), RunningSite.OneClick());
        Assert.Equal(HttpStatusCode.TooManyRequests, stillLimited.StatusCode);
    }

    [Fact]
    public async Task Genuine_one_clicks_for_many_readers_from_one_address_are_not_limited_together()
    {
        // A mailbox provider posts the one-click unsubscribes of all its users from a few addresses.
        await using var site = await RunningSite.StartAsync(o => o with { PostsPerWindow = 3, RateWindow = TimeSpan.FromMinutes(10) });
        for (var i = 0; i < 6; i++)
        {
            var reader = await site.AddAsync($"reader{i}@mail.example.org");
            var (status, body) = await RunningSite.ReadAsync(await site.PostAsync(site.Link("unsubscribe", site.UnsubscribeToken(reader.Id)), RunningSite.OneClick()));
            Assert.True(status == HttpStatusCode.OK, $"reader {i}: {status} {body}");
            Assert.Equal(SubscriberStatus.Unsubscribed, await site.StatusAsync(reader.Id));
        }
    }

    [Fact]
    public async Task A_genuine_link_replayed_beyond_the_limit_is_limited_on_its_own_budget()
    {
        await using var site = await RunningSite.StartAsync(o => o with { PostsPerWindow = 3, RateWindow = TimeSpan.FromMinutes(10) });
        var ada = await site.AddAsync("ada@mail.example.org");
        var grace = await site.AddAsync("grace@mail.example.org");
        var link = site.Link("unsubscribe", site.UnsubscribeToken(ada.Id));
        for (var i = 0; i < 3; i++)
        {
            using var ok = await site.PostAsync(link, RunningSite.OneClick());
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var replayed = await site.PostAsync(link, RunningSite.OneClick());
        Assert.Equal(HttpStatusCode.TooManyRequests, replayed.StatusCode);

        // Neither another reader's link nor the address's own budget was spent by the replays.
        using var other = await site.PostAsync(site.Link("unsubscribe", site.UnsubscribeToken(grace.Id)), RunningSite.OneClick());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        using var forged = await site.PostAsync(site.Link("unsubscribe", site.ForgedUnsubscribeToken(grace.Id)), RunningSite.OneClick());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
