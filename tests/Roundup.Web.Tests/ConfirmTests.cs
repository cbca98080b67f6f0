using System.Net;
using Roundup.Delivery;

namespace Roundup.Web.Tests;

/// <summary>The confirmation link of the double opt-in: a GET shows the button, only the POST of it confirms.</summary>
public sealed class ConfirmTests : IAsyncLifetime
{
    private RunningSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await RunningSite.StartAsync();

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    private static FormUrlEncodedContent Button() => new([new("action", "confirm")]);

    [Fact]
    public async Task A_GET_changes_nothing_and_the_button_confirms_a_pending_subscriber()
    {
        var reader = await _site.AddAsync("ada@mail.example.org", SubscriberStatus.Pending);
        var link = _site.Link("confirm", _site.ConfirmToken(reader.Id));

        var (shown, page) = await RunningSite.ReadAsync(await _site.Client.GetAsync(link));
        Assert.Equal(HttpStatusCode.OK, shown);
        Assert.Contains("<button type=\"submit\">Confirm the subscription</button>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"action\" value=\"confirm\"", page, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Pending, await _site.StatusAsync(reader.Id));

        // The one-click body belongs to unsubscribe links; it does not confirm anything.
        var (oneClick, refusal) = await RunningSite.ReadAsync(await _site.PostAsync(link, RunningSite.OneClick()));
        Assert.Equal(HttpStatusCode.BadRequest, oneClick);
        Assert.Contains("expected action=confirm", refusal, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Pending, await _site.StatusAsync(reader.Id));

        var (status, done) = await RunningSite.ReadAsync(await _site.PostAsync(link, Button()));
        Assert.True(status == HttpStatusCode.OK, done);
        Assert.Contains("Subscription confirmed", done, StringComparison.Ordinal);
        var confirmed = await _site.Store.GetSubscriberAsync(reader.Id);
        Assert.Equal(SubscriberStatus.Active, confirmed!.Status);
        Assert.NotNull(confirmed.Confirmed);
    }

    [Fact]
    public async Task Unsubscribe_tokens_and_expired_tokens_do_not_confirm()
    {
        var reader = await _site.AddAsync("ada@mail.example.org", SubscriberStatus.Pending);
        var (wrong, body) = await RunningSite.ReadAsync(await _site.PostAsync(_site.Link("confirm", _site.UnsubscribeToken(reader.Id)), Button()));
        Assert.Equal(HttpStatusCode.BadRequest, wrong);
        Assert.Contains("not a confirm link", body, StringComparison.Ordinal);

        var token = _site.ConfirmToken(reader.Id);
        _site.Time.Advance(TimeSpan.FromDays(8));
        var (expired, late) = await RunningSite.ReadAsync(await _site.PostAsync(_site.Link("confirm", token), Button()));
        Assert.Equal(HttpStatusCode.BadRequest, expired);
        Assert.Contains("expired", late, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Pending, await _site.StatusAsync(reader.Id));
    }

    [Fact]
    public async Task A_confirmation_after_unsubscribing_is_a_conflict_and_the_address_stays_suppressed()
    {
        var reader = await _site.AddAsync("ada@mail.example.org", SubscriberStatus.Pending);
        var confirm = _site.Link("confirm", _site.ConfirmToken(reader.Id));
        using (await _site.PostAsync(_site.Link("unsubscribe", _site.UnsubscribeToken(reader.Id)), RunningSite.OneClick()))
        {
        }

        var (status, body) = await RunningSite.ReadAsync(await _site.PostAsync(confirm, Button()));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Contains("suppression list", body, StringComparison.Ordinal);
        Assert.Equal(SubscriberStatus.Unsubscribed, await _site.StatusAsync(reader.Id));
    }
}
