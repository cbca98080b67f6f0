using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using Roundup.Delivery;
using Roundup.Web.Security;

namespace Roundup.Web.Tests;

/// <summary>
/// The sign-up form on real Kestrel, SQLite and a pickup folder: a new address becomes pending and gets one
/// confirmation message whose link makes it active; every valid address gets the same answer; known, suppressed and
/// recently mailed addresses get no message. Whether a message went out is read from the folder: a fresh address
/// signed up last, whose message is queued behind the others', shows the queue has been worked through.
/// </summary>
public sealed partial class SignUpTests : IAsyncLifetime
{
    private RunningSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await RunningSite.StartAsync();

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    private Uri SignUpUrl => new(_site.Base, "subscribe");

    private Task<HttpResponseMessage> SignUpAsync(string email, string? name = null, string? trap = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("email", email) };
        if (name is not null)
        {
            fields.Add(new("name", name));
        }

        if (trap is not null)
        {
            fields.Add(new("website", trap));
        }

        return _site.PostAsync(SignUpUrl, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task The_form_is_a_plain_page_under_the_link_page_policy_with_a_trap_hidden_by_a_class()
    {
        using var response = await _site.Client.GetAsync(SignUpUrl);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", policy, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"subscribe\">", page, StringComparison.Ordinal);
        Assert.Contains("name=\"email\" type=\"email\"", page, StringComparison.Ordinal);
        Assert.Contains("<div class=\"trap\" aria-hidden=\"true\">", page, StringComparison.Ordinal);
        Assert.Contains(".trap{position:absolute;left:-10000px", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
        Assert.Equal(ContentSecurityPolicy.LinkPage(policy.Split('\'')[3]), policy);
    }

    [Fact]
    public async Task A_sign_up_is_pending_until_the_link_in_its_one_confirmation_message_is_followed()
    {
        var (status, page) = await RunningSite.ReadAsync(await SignUpAsync("  ada@mail.example.org ", "Ada Lovelace"));
        Assert.True(status == HttpStatusCode.OK, page);
        Assert.Contains("Check your inbox", page, StringComparison.Ordinal);
        var ada = await _site.Store.FindSubscriberAsync("ada@mail.example.org");
        Assert.NotNull(ada);
        Assert.Equal(SubscriberStatus.Pending, ada.Status);
        Assert.Equal("ada@mail.example.org", ada.Email);
        Assert.Equal("Ada Lovelace", ada.Name);

        var message = Assert.Single(await MailsBeforeFenceAsync());
        var to = Assert.Single(message.To.Mailboxes);
        Assert.Equal(("ada@mail.example.org", "Ada Lovelace"), (to.Address, to.Name));
        var link = ConfirmLink().Match(message.TextBody ?? "");
        Assert.True(link.Success, message.TextBody);
        var published = new Uri(link.Value);
        Assert.Equal("https://example.org/roundup/confirm", published.GetLeftPart(UriPartial.Path));

        // What a reverse proxy for example.org/roundup/ does: the same path and query, to the running site.
        var local = new Uri(_site.Base, published.PathAndQuery["/roundup/".Length..]);
        var (confirmed, done) = await RunningSite.ReadAsync(await _site.PostAsync(local, new FormUrlEncodedContent([new("action", "confirm")])));
        Assert.True(confirmed == HttpStatusCode.OK, done);
        Assert.Equal(SubscriberStatus.Active, await _site.StatusAsync(ada.Id));

        var logged = string.Join("\n", _site.Logs.Entries.Select(e => e.Message));
        Assert.Contains($"sign-up: subscriber {ada.Id}: added as pending", logged, StringComparison.Ordinal);
        Assert.DoesNotContain("example.org", logged.Replace("https://example.org/roundup/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Lovelace", logged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Known_active_and_suppressed_addresses_get_the_same_page_no_message_and_no_change()
    {
        var active = await _site.AddAsync("active@mail.example.org");
        var gone = await _site.AddAsync("gone@mail.example.org");
        await _site.Store.SuppressAsync(gone.Id, SuppressionReason.Unsubscribed);
        await _site.Store.SuppressAddressAsync("complained@mail.example.org", SuppressionReason.Complained);

        var pages = new List<string>();
        foreach (var email in new[] { "new@mail.example.org", "active@mail.example.org", "gone@mail.example.org", "complained@mail.example.org" })
        {
            var (status, page) = await RunningSite.ReadAsync(await SignUpAsync(email, "Someone Else"));
            Assert.True(status == HttpStatusCode.OK, page);
            pages.Add(page.Replace(email, "ADDRESS", StringComparison.Ordinal));
        }

        Assert.Single(pages.Distinct());
        var mails = await MailsBeforeFenceAsync();
        Assert.Equal("new@mail.example.org", Assert.Single(mails).To.Mailboxes.Single().Address);
        Assert.Equal((SubscriberStatus.Active, "Reader"), await StateAsync(active.Id));
        Assert.Equal((SubscriberStatus.Unsubscribed, "Reader"), await StateAsync(gone.Id));
        Assert.Null(await _site.Store.FindSubscriberAsync("complained@mail.example.org"));
    }

    [Fact]
    public async Task A_pending_address_gets_another_confirmation_only_after_the_resend_interval()
    {
        Assert.Equal(HttpStatusCode.OK, (await RunningSite.ReadAsync(await SignUpAsync("ada@mail.example.org"))).Status);
        Assert.Single(await MailsAsync(1));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await RunningSite.ReadAsync(await SignUpAsync("ada@mail.example.org"))).Status);
        }

        _site.Time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(HttpStatusCode.OK, (await RunningSite.ReadAsync(await SignUpAsync("ADA@mail.example.org"))).Status);
        await SignUpAsync("fence1@mail.example.org");
        Assert.Equal(1, Count(await MailsAsync(2), "ada@mail.example.org"));

        _site.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await RunningSite.ReadAsync(await SignUpAsync("ada@mail.example.org"))).Status);
        Assert.Equal(HttpStatusCode.OK, (await RunningSite.ReadAsync(await SignUpAsync("ada@mail.example.org"))).Status);
        await SignUpAsync("fence2@mail.example.org");
        Assert.Equal(2, Count(await MailsAsync(4), "ada@mail.example.org"));
        Assert.Single(await _site.Store.ListSubscribersAsync(SubscriberStatus.Pending), s => s.Email == "ada@mail.example.org");
    }

    [Fact]
    public async Task A_filled_trap_field_gets_the_same_page_and_nothing_is_stored_or_sent()
    {
        var (status, page) = await RunningSite.ReadAsync(await SignUpAsync("bot@mail.example.org", "Bot", trap: "https://spam.example.com"));
        Assert.True(status == HttpStatusCode.OK, page);
        var (_, human) = await RunningSite.ReadAsync(await SignUpAsync("human@mail.example.org"));
        Assert.Equal(human.Replace("human@", "bot@", StringComparison.Ordinal), page);

        Assert.Null(await _site.Store.FindSubscriberAsync("bot@mail.example.org"));
        Assert.Equal("human@mail.example.org", Assert.Single(await MailsBeforeFenceAsync()).To.Mailboxes.Single().Address);
        Assert.Contains(_site.Logs.Entries, e => e.Message.Contains("trap field", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_address_is_400_with_the_form_again_and_the_reason_escaped()
    {
        var (status, page) = await RunningSite.ReadAsync(await SignUpAsync("<script>alert(1)</script>", "<b>Ada</b>"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("is not an e-mail address: it has no @", page, StringComparison.Ordinal);
        Assert.Contains("&#x27;&lt;script&gt;alert(1)&lt;/script&gt;&#x27;", page, StringComparison.Ordinal);
        Assert.Contains("value=\"&lt;b&gt;Ada&lt;/b&gt;\"", page, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"subscribe\">", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Ada", page, StringComparison.Ordinal);

        var (twoDots, reason) = await RunningSite.ReadAsync(await SignUpAsync("ada@mail..example.org"));
        Assert.Equal(HttpStatusCode.BadRequest, twoDots);
        Assert.Contains("is not", reason, StringComparison.Ordinal);

        var (notForm, why) = await RunningSite.ReadAsync(await _site.PostAsync(SignUpUrl, new StringContent("email=ada@mail.example.org")));
        Assert.Equal(HttpStatusCode.BadRequest, notForm);
        Assert.Contains("not a form", why, StringComparison.Ordinal);

        var twice = new FormUrlEncodedContent([new("email", "ada@mail.example.org"), new("email", "eve@mail.example.org")]);
        var (duplicate, which) = await RunningSite.ReadAsync(await _site.PostAsync(SignUpUrl, twice));
        Assert.Equal(HttpStatusCode.BadRequest, duplicate);
        Assert.Contains("2 &#x27;email&#x27; fields", which, StringComparison.Ordinal);

        Assert.Empty(await _site.Store.ListSubscribersAsync());
        Assert.DoesNotContain(_site.Logs.Entries, e => e.Message.Contains("script", StringComparison.Ordinal) || e.Message.Contains("example.org", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_name_with_a_line_break_is_refused_and_markup_in_a_name_stays_text()
    {
        var (status, page) = await RunningSite.ReadAsync(await SignUpAsync("eve@mail.example.org", "Eve\r\nBcc: victim@mail.example.org"));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("The name contains a line break", page, StringComparison.Ordinal);
        Assert.Null(await _site.Store.FindSubscriberAsync("eve@mail.example.org"));

        const string Markup = "<script>alert('x')</script> & Co";
        var (ok, answer) = await RunningSite.ReadAsync(await SignUpAsync("ada@mail.example.org", Markup));
        Assert.True(ok == HttpStatusCode.OK, answer);
        Assert.DoesNotContain("<script>", answer, StringComparison.Ordinal);
        Assert.Equal(Markup, (await _site.Store.FindSubscriberAsync("ada@mail.example.org"))!.Name);
        var message = Assert.Single(await MailsBeforeFenceAsync());
        Assert.Equal(Markup, message.To.Mailboxes.Single().Name);
        Assert.Single(message.Headers, h => h.Id == HeaderId.To);
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_ups_share_the_per_client_post_limit()
    {
        await using var site = await RunningSite.StartAsync(o => o with { PostsPerWindow = 2, RateWindow = TimeSpan.FromMinutes(10) });
        var url = new Uri(site.Base, "subscribe");
        for (var i = 0; i < 2; i++)
        {
            using var ok = await site.PostAsync(url, new FormUrlEncodedContent([new("email", $"reader{i}@mail.example.org")]));
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await site.PostAsync(url, new FormUrlEncodedContent([new("email", "reader9@mail.example.org")]));
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Null(await site.Store.FindSubscriberAsync("reader9@mail.example.org"));
    }

    [Fact]
    public async Task With_sign_up_off_the_form_is_404()
    {
        await using var site = await RunningSite.StartAsync(o => o with { SignUp = false });
        var url = new Uri(site.Base, "subscribe");
        using var shown = await site.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, shown.StatusCode);
        using var posted = await site.PostAsync(url, new FormUrlEncodedContent([new("email", "ada@mail.example.org")]));
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Null(await site.Store.FindSubscriberAsync("ada@mail.example.org"));
    }

    private async Task<(SubscriberStatus, string?)> StateAsync(long id)
    {
        var subscriber = await _site.Store.GetSubscriberAsync(id);
        return (subscriber!.Status, subscriber.Name);
    }

    private static int Count(IEnumerable<MimeMessage> mails, string address) =>
        mails.Count(m => m.To.Mailboxes.Single().Address == address);

    /// <summary>
    /// Signs up a fresh address, the fence, and waits until its confirmation is in the pickup folder: the queue sends
    /// in arrival order, so every message queued before it has been written by then. Returns the others.
    /// </summary>
    private async Task<List<MimeMessage>> MailsBeforeFenceAsync()
    {
        const string Fence = "fence@mail.example.org";
        var (status, page) = await RunningSite.ReadAsync(await SignUpAsync(Fence));
        Assert.True(status == HttpStatusCode.OK, page);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var mails = await LoadMailsAsync();
            if (mails.Any(m => m.To.Mailboxes.Single().Address == Fence))
            {
                return [.. mails.Where(m => m.To.Mailboxes.Single().Address != Fence)];
            }

            Assert.True(DateTime.UtcNow < deadline, $"the fence's confirmation message did not arrive ({mails.Count} others did)");
            await Task.Delay(20);
        }
    }

    private async Task<List<MimeMessage>> LoadMailsAsync()
    {
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.Exists(_site.MailDir) ? Directory.GetFiles(_site.MailDir, "*.eml") : [])
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }

        return messages;
    }

    /// <summary>Waits until the pickup folder holds <paramref name="count"/> messages, then reads them all (more fail the caller's count).</summary>
    private async Task<List<MimeMessage>> MailsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        string[] files = [];
        while (DateTime.UtcNow < deadline)
        {
            files = Directory.Exists(_site.MailDir) ? Directory.GetFiles(_site.MailDir, "*.eml") : [];
            if (files.Length >= count)
            {
                break;
            }

            await Task.Delay(20);
        }

        Assert.True(files.Length >= count, $"{files.Length} of {count} confirmation message(s) arrived");
        return await LoadMailsAsync();
    }

    [GeneratedRegex(@"https://example\.org/roundup/confirm\?t=\S+")]
    private static partial Regex ConfirmLink();
}
