using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Roundup.Delivery;

namespace Roundup.Web.Tests;

/// <summary>The unsubscribe link: RFC 8058 one-click POST, the page a GET shows, and the tokens and bodies refused.</summary>
public sealed partial class UnsubscribeTests : IAsyncLifetime
{
    private const string Email = "grace@mail.example.org";
    private RunningSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await RunningSite.StartAsync();

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_one_click_POST_unsubscribes_and_suppresses_and_a_second_POST_is_harmless()
    {
        var reader = await _site.AddAsync(Email);
        var link = _site.Link("unsubscribe", _site.UnsubscribeToken(reader.Id));

        using var first = await _site.PostAsync(link, RunningSite.OneClick());
        var body = await first.Content.ReadAsStringAsync();
        Assert.True(first.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("<h1>Unsubscribed</h1>", body, StringComparison.Ordinal);
        Assert.False(first.Headers.Contains("Set-Cookie"));
        Assert.Equal("no-store", first.Headers.CacheControl?.ToString());
        Assert.Equal(SubscriberStatus.Unsubscribed, await _site.StatusAsync(reader.Id));
        var suppression = await _site.Store.GetSuppressionAsync(Email);
        Assert.Equal(SuppressionReason.Unsubscribed, suppression?.Reason);

        _site.Time.Advance(TimeSpan.FromHours(1));
        var (status, again) = await RunningSite.ReadAsync(await _site.PostAsync(link, RunningSite.OneClick()));
        Assert.True(status == HttpStatusCode.OK, again);
        Assert.Equal(SubscriberStatus.Unsubscribed, await _site.StatusAsync(reader.Id));
        Assert.Equal(suppression, await _site.Store.GetSuppressionAsync(Email));
        Assert.Empty(await _site.Store.ListSubscribersAsync(SubscriberStatus.Active));

        // Personal data and bearer tokens stay out of the log; the subscriber is named by id.
        var log = string.Join("\n", _site.Logs.Entries.Select(e => e.Message));
        Assert.Contains($"subscriber {reader.Id}", log, StringComparison.Ordinal);
        Assert.DoesNotContain("@mail.example.org", log, StringComparison.Ordinal);
        Assert.DoesNotContain(_site.UnsubscribeToken(reader.Id)[..20], log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multipart_one_click_POST_unsubscribes_too()
    {
        var reader = await _site.AddAsync(Email);
        using var form = new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" } };
        var (status, body) = await RunningSite.ReadAsync(await _site.PostAsync(_site.Link("unsubscribe", _site.UnsubscribeToken(reader.Id)), form));
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal(SubscriberStatus.Unsubscribed, await _site.StatusAsync(reader.Id));
    }

    [Fact]
    public async Task A_GET_shows_a_button_and_changes_nothing_until_the_button_is_pressed()
    {
        var reader = await _site.AddAsync(Email);
        var token = _site.UnsubscribeToken(reader.Id);

        using var page = await _site.Client.GetAsync(_site.Link("unsubscribe", token));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(SubscriberStatus.Active, await _site.StatusAsync(reader.Id));
        Assert.Contains("Roundup &lt;Weekly&gt;", html, StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        // Press the button: post the page's own form to the page's own action, as a browser does.
        var form = FormPattern().Match(html);
        Assert.True(form.Success, html);
        var action = new Uri(page.RequestMessage!.RequestUri!, WebUtility.HtmlDecode(form.Groups["action"].Value));
        Assert.Equal(page.RequestMessage.RequestUri, action);
        using var fields = new FormUrlEncodedContent([new(form.Groups["name"].Value, form.Groups["value"].Value)]);
        var (status, done) = await RunningSite.ReadAsync(await _site.PostAsync(action, fields));
        Assert.True(status == HttpStatusCode.OK, done);
        Assert.Equal(SubscriberStatus.Unsubscribed, await _site.StatusAsync(reader.Id));
    }

    [Fact]
    public async Task Forged_expired_and_confirmation_tokens_are_refused_and_change_nothing()
    {
        var reader = await _site.AddAsync(Email);
        var genuine = _site.UnsubscribeToken(reader.Id);
        var forged = genuine[..^4] + (genuine.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        var spliced = genuine[..genuine.IndexOf('.', StringComparison.Ordinal)].Replace('A', 'B') + genuine[genuine.IndexOf('.', StringComparison.Ordinal)..];
        var confirm = _site.ConfirmToken(reader.Id);

        await AssertRefused(forged, "signature does not match");
        await AssertRefused(spliced, "signature does not match");
        await AssertRefused(confirm, "not a unsubscribe link");
        await AssertRefused("not-a-token", "incomplete");
        await AssertRefused("%%%.%%%", "damaged");

        _site.Time.Advance(TimeSpan.FromDays(366));
        await AssertRefused(genuine, "expired on 2026-06-27");

        Assert.Equal(SubscriberStatus.Active, await _site.StatusAsync(reader.Id));
        Assert.Null(await _site.Store.GetSuppressionAsync(Email));
    }

    [Fact]
    public async Task Hostile_requests_get_400_with_the_reason_and_change_nothing()
    {
        var reader = await _site.AddAsync(Email);
        var token = _site.UnsubscribeToken(reader.Id);
        var link = _site.Link("unsubscribe", token);

        await AssertBad(_site.PostAsync(new Uri(_site.Base, "unsubscribe"), RunningSite.OneClick()), HttpStatusCode.BadRequest, "has no token");
        await AssertBad(_site.PostAsync(new Uri(_site.Base, "unsubscribe?t="), RunningSite.OneClick()), HttpStatusCode.BadRequest, "is empty");
        await AssertBad(_site.PostAsync(new Uri(_site.Base, $"unsubscribe?t={token}&t={token}"), RunningSite.OneClick()), HttpStatusCode.BadRequest, "more than one token");
        await AssertBad(_site.PostAsync(new Uri(_site.Base, "unsubscribe?t=" + new string('A', 3000)), RunningSite.OneClick()), HttpStatusCode.BadRequest, "3000 characters long");
        await AssertBad(_site.PostAsync(link, new StringContent("{\"List-Unsubscribe\":\"One-Click\"}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "not a form");
        await AssertBad(_site.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "Maybe")])), HttpStatusCode.BadRequest, "expected List-Unsubscribe=One-Click");
        await AssertBad(_site.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click"), new("List-Unsubscribe", "One-Click")])), HttpStatusCode.BadRequest, "expected List-Unsubscribe=One-Click");
        await AssertBad(_site.PostAsync(link, new FormUrlEncodedContent([])), HttpStatusCode.BadRequest, "expected List-Unsubscribe=One-Click");
        await AssertBad(_site.PostAsync(link, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click"), new("padding", new string('x', 40_000))])), HttpStatusCode.RequestEntityTooLarge, "larger than 16384 bytes");
        using var broken = new StringContent("--nope\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click", Encoding.UTF8);
        broken.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=expected");
        await AssertBad(_site.PostAsync(link, broken), HttpStatusCode.BadRequest, "malformed");
        using var withFile = new MultipartFormDataContent { { new StringContent("One-Click"), "List-Unsubscribe" }, { new ByteArrayContent([1, 2, 3]), "upload", "evil.bin" } };
        await AssertBad(_site.PostAsync(link, withFile), HttpStatusCode.BadRequest, "carries a file");

        // A token in the page is HTML-encoded; a hostile one never reaches the page, only the refusal does.
        var (status, html) = await RunningSite.ReadAsync(await _site.Client.GetAsync(new Uri(_site.Base, "unsubscribe?t=%3Cscript%3Ealert(1)%3C/script%3E")));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);

        Assert.Equal(SubscriberStatus.Active, await _site.StatusAsync(reader.Id));
        Assert.Null(await _site.Store.GetSuppressionAsync(Email));
    }

    private async Task AssertRefused(string token, string reason)
    {
        var (status, body) = await RunningSite.ReadAsync(await _site.PostAsync(_site.Link("unsubscribe", token), RunningSite.OneClick()));
        Assert.True(status == HttpStatusCode.BadRequest, $"{token}: {status} {body}");
        Assert.Contains(reason, body, StringComparison.Ordinal);
        var (getStatus, page) = await RunningSite.ReadAsync(await _site.Client.GetAsync(_site.Link("unsubscribe", token)));
        Assert.Equal(HttpStatusCode.BadRequest, getStatus);
        Assert.DoesNotContain("<form", page, StringComparison.Ordinal);
    }

    private static async Task AssertBad(Task<HttpResponseMessage> request, HttpStatusCode expected, string reason)
    {
        var (status, body) = await RunningSite.ReadAsync(await request);
        Assert.True(status == expected, $"expected {expected} with '{reason}', got {status}: {body}");
        Assert.Contains(reason, body, StringComparison.Ordinal);
    }

    [GeneratedRegex("<form method=\"post\" action=\"(?<action>[^\"]+)\">\\s*<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]+)\">")]
    private static partial Regex FormPattern();
}
