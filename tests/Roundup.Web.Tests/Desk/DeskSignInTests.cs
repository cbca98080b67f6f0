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

    [Fact]
    public async Task The_week_shows_the_funnel_and_a_stages_papers_filtered_with_paper_text_kept_as_text()
    {
        var ct = TestContext.Current.CancellationToken;
        var week = new IssueWeek(2025, 26);
        var hostile = new Paper { Id = ArxivId.Parse("2506.20001"), Title = "<script>alert(1)</script> Attention sinks", Abstract = "A.", Authors = ["Ada <b>Lovelace</b>"], Categories = ["cs.LG"] };
        var plain = new Paper { Id = ArxivId.Parse("2506.20002"), Title = "A plain title", Abstract = "B.", Authors = ["Alan Turing"], Categories = ["cs.LG"] };
        await _store.Harvest.SavePageAsync("test", "k", [new HarvestedPaper(hostile, new DateOnly(2025, 6, 23), AnnounceType.New), new HarvestedPaper(plain, new DateOnly(2025, 6, 24), AnnounceType.New)], null, ct);
        await _store.Selection.SaveStageAsync(SelectionKey.ForWeek(week), new StageRun("title", 1, "h", 2, 1, 0, 0.1, ScorerUsage.None),
        [
            new Judgement("title", hostile.Id, 0.9, 1, true, "went on: rank 1 of 2", [], ["taste"]),
            new Judgement("title", plain.Id, 0.2, 2, false, "stopped: below the stage's budget", [], ["taste"]),
        ], ct);

        using var signedOut = await _client.GetAsync(new Uri(Desk, "week?week=2025-W26"), ct);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        using var signedIn = await SignInAsync("alice", Password);
        var page = await _client.GetStringAsync(new Uri(Desk, "week?week=2025-W26&stage=title"), ct);
        Assert.Contains(">title</a></td><td>2</td><td>1</td>", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Attention sinks", page, StringComparison.Ordinal);
        Assert.Contains("Ada &lt;b&gt;Lovelace&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("went on: rank 1 of 2", page, StringComparison.Ordinal);

        var stopped = await _client.GetStringAsync(new Uri(Desk, "week?week=2025-W26&stage=title&decision=stopped"), ct);
        Assert.Contains("A plain title", stopped, StringComparison.Ordinal);
        Assert.DoesNotContain("Attention sinks", stopped, StringComparison.Ordinal);
        var found = await _client.GetStringAsync(new Uri(Desk, "week?week=2025-W26&stage=title&q=turing"), ct);
        Assert.Contains("title: 1 papers", found, StringComparison.Ordinal);
        Assert.Contains("A plain title", found, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pin_and_a_drop_from_the_week_are_stored_as_the_curators_decisions_and_need_the_forms_token()
    {
        var ct = TestContext.Current.CancellationToken;
        var week = new IssueWeek(2025, 26);
        var paper = new Paper { Id = ArxivId.Parse("2506.20003"), Title = "Worth a pin", Abstract = "C.", Authors = ["Ada Lovelace"], Categories = ["cs.LG"] };
        await _store.Harvest.SavePageAsync("test", "k", [new HarvestedPaper(paper, new DateOnly(2025, 6, 23), AnnounceType.New)], null, ct);
        await _store.Selection.SaveStageAsync(SelectionKey.ForWeek(week), new StageRun("title", 1, "h", 1, 0, 0, 0.1, ScorerUsage.None),
            [new Judgement("title", paper.Id, 0.1, 1, false, "stopped: below the stage's budget", [], ["taste"])], ct);
        using var signedIn = await SignInAsync("alice", Password);
        var page = await _client.GetStringAsync(new Uri(Desk, "week?week=2025-W26&stage=title"), ct);
        Assert.Contains("aria-label=\"Pin 2506.20003\"", page, StringComparison.Ordinal);

        using var forged = await _client.PostAsync(new Uri(Desk, "decide"), Form(null, ("week", "2025-W26"), ("paper", "2506.20003"), ("kind", "pin")), ct);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await _store.Selection.GetDecisionsAsync(SelectionKey.ForWeek(week), ct));

        using var pinned = await _client.PostAsync(new Uri(Desk, "decide"), Form(FormToken(page), ("week", "2025-W26"), ("paper", "2506.20003"), ("stage", "title"), ("kind", "pin")), ct);
        Assert.Equal(HttpStatusCode.SeeOther, pinned.StatusCode);
        Assert.Equal(DecisionKind.Pin, Assert.Single(await _store.Selection.GetDecisionsAsync(SelectionKey.ForWeek(week), ct)).Kind);
        Assert.Contains(">pinned</button>", await _client.GetStringAsync(new Uri(Desk, "week?week=2025-W26&stage=title"), ct), StringComparison.Ordinal);

        using var dropped = await _client.PostAsync(new Uri(Desk, "decide"), Form(FormToken(page), ("week", "2025-W26"), ("paper", "2506.20003"), ("stage", "title"), ("kind", "drop")), ct);
        Assert.Equal(DecisionKind.Drop, Assert.Single(await _store.Selection.GetDecisionsAsync(SelectionKey.ForWeek(week), ct)).Kind);
    }

    private Task<HttpResponseMessage> SignInAsync(string name, string password) => _site.PostSignInAsync(name, password);

    private static string FormToken(string page) => DeskSite.FormToken(page);

    private static FormUrlEncodedContent Form(string? antiforgery, params (string Name, string Value)[] fields) => DeskSite.Form(antiforgery, fields);
}
