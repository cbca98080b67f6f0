using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Roundup.Application.Curators;
using Roundup.Application.Hosting;
using Roundup.Application.Settings;
using Roundup.Calendar;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Selection;
using Roundup.Delivery.Tokens;
using Roundup.Storage;
using Roundup.Testing;
using Roundup.Web.Desk;
using Roundup.Web.Tests.Desk;
using Roundup.Web.Hosting;

namespace Roundup.Web.Tests;

/// <summary>The desk's sign-in as a browser meets it: real Kestrel, a real SQLite store, cookies kept, redirects not followed.</summary>
public sealed class DeskSignInTests : IAsyncLifetime
{
    private const string Password = DeskSite.Password;
    private DeskSite _site = null!;

    private Uri Desk => _site.Desk;

    private HttpClient _client => _site.Client;

    private IRoundupStore _store => _site.Store;

    private FakeTimeProvider _time => _site.Time;

    public async ValueTask InitializeAsync() => _site = await DeskSite.StartAsync();

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Nothing_of_the_desk_is_reachable_signed_out()
    {
        using var home = await _client.GetAsync(Desk, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/roundup/desk/sign-in", home.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var signOut = await _client.PostAsync(new Uri(Desk, "sign-out"), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
    }

    [Fact]
    public async Task The_right_password_signs_in_and_sign_out_ends_it()
    {
        using var signedIn = await SignInAsync("alice", Password);
        Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        Assert.Contains("HttpOnly", string.Join(";", signedIn.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);

        var home = await _client.GetStringAsync(Desk, TestContext.Current.CancellationToken);
        Assert.Contains("Signed in as alice.", home, StringComparison.Ordinal);

        using var signOut = await _client.PostAsync(new Uri(Desk, "sign-out"), Form(FormToken(home)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        using var after = await _client.GetAsync(Desk, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_that_took_the_request_over_https_the_sign_in_cookie_is_secure()
    {
        await using var proxied = await DeskSite.StartAsync(web: w => w with { TrustedProxies = [Roundup.Application.Settings.TrustedProxy.Parse("127.0.0.1")] });
        Assert.True(await SecureCookieAsync(proxied));
        // Without a trusted proxy the same header counts for nothing: the cookie of a plain-HTTP request is not Secure.
        Assert.False(await SecureCookieAsync(_site));
    }

    private static async Task<bool> SecureCookieAsync(DeskSite site)
    {
        var page = await site.GetStringAsync("sign-in");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(site.Desk, "sign-in")) { Content = DeskSite.Form(DeskSite.FormToken(page), ("name", DeskSite.Curator), ("password", Password)) };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        using var answer = await site.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        var cookie = Assert.Single(answer.Headers.GetValues("Set-Cookie"), c => c.StartsWith("roundup-desk=", StringComparison.Ordinal));
        return cookie.Contains("secure", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        await _client.GetStringAsync(new Uri(Desk, "sign-in"), TestContext.Current.CancellationToken);
        using var forged = await _client.PostAsync(new Uri(Desk, "sign-in"), Form(null, ("name", "alice"), ("password", Password)), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("did not come from the desk", await forged.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var home = await _client.GetAsync(Desk, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task Five_failures_lock_the_account_even_against_the_right_password_until_the_lockout_ends()
    {
        for (var i = 0; i < DeskLimits.FailuresBeforeLockout; i++)
        {
            using var wrong = await SignInAsync("alice", "not the password at all");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var locked = await SignInAsync("alice", Password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);

        _time.Advance(DeskLimits.Lockout);
        using var later = await SignInAsync("alice", Password);
        Assert.Equal(HttpStatusCode.SeeOther, later.StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_client_address()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= DeskLimits.SignInsPerMinute; i++)
        {
            using var attempt = await SignInAsync("nobody", "whatever it is here");
            statuses.Add(attempt.StatusCode);
        }

        Assert.All(statuses.Take(DeskLimits.SignInsPerMinute), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task A_one_time_link_signs_in_once_and_can_set_the_password()
    {
        await _store.Curators.AddAsync("bob", null);
        await _store.Curators.SetSignInTokenAsync("bob", ManageCurators.TokenHash("the-token"), _time.GetUtcNow().AddHours(1));

        var page = await _client.GetStringAsync(new Uri(Desk, "sign-in?token=the-token"), TestContext.Current.CancellationToken);
        Assert.Contains("name=\"token\" value=\"the-token\"", page, StringComparison.Ordinal);
        using var used = await _client.PostAsync(new Uri(Desk, "sign-in"), Form(FormToken(page), ("token", "the-token"), ("new-password", "bob's own long passphrase")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.SeeOther, used.StatusCode);
        Assert.Contains("Signed in as bob.", await _client.GetStringAsync(Desk, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(ManageCurators.Verify((await _store.Curators.GetAsync("bob"))!, "bob's own long passphrase"));

        var again = await _client.GetStringAsync(new Uri(Desk, "sign-in?token=the-token"), TestContext.Current.CancellationToken);
        using var reused = await _client.PostAsync(new Uri(Desk, "sign-in"), Form(FormToken(again), ("token", "the-token")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
    }

    private Task<HttpResponseMessage> SignInAsync(string name, string password) => _site.PostSignInAsync(name, password);

    private static string FormToken(string page) => DeskSite.FormToken(page);

    private static FormUrlEncodedContent Form(string? antiforgery, params (string Name, string Value)[] fields) => DeskSite.Form(antiforgery, fields);
}
