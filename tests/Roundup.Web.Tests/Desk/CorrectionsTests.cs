using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Roundup.Application.Delivering;
using Roundup.Application.Publishing;
using Roundup.Calendar;
using Roundup.Corrections;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Testing;
using Roundup.Web.Desk.Jobs;

namespace Roundup.Web.Tests.Desk;

/// <summary>
/// Readers' corrections end to end on serve's desk: a suggestion posted from a published issue's entry in the
/// archive, kept as text, read and published as an erratum (or rejected) by the curator at desk/corrections.
/// </summary>
public sealed partial class CorrectionsTests : IAsyncLifetime
{
    private const string Paper = "2506.01234";
    private const string Hostile = "The gain is 3.6, not 6.3 <script>alert(1)</script> & \"more\"";
    private static readonly IssueWeek W26 = new(2025, 26);
    private DeskSite _site = null!;

    public async ValueTask InitializeAsync()
    {
        _site = await DeskSite.StartAsync();
        await _site.Store.Issues.SaveAsync(SampleIssue(), TestContext.Current.CancellationToken);
        await new PublishIssue(_site.Host).RunAsync(W26, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Uri Public(string relative) => new(_site.Base, relative);

    private Task<HttpResponseMessage> SuggestAsync(params (string Name, string Value)[] fields) =>
        _site.Client.PostAsync(Public("corrections"), DeskSite.Form(null, fields), Ct);

    private static (string, string)[] Suggestion(string text = Hostile, string paper = Paper, string from = "Grace") =>
        [("week", "2025-W26"), ("paper", paper), ("text", text), ("from", from), ("website", "")];

    private async Task<IReadOnlyList<CorrectionSuggestion>> PendingAsync() => await _site.Store.Corrections.ListAsync(SuggestionStatus.Pending, 100, Ct);

    [Fact]
    public async Task A_reader_suggests_from_an_archive_entry_and_the_curator_publishes_it_as_an_erratum()
    {
        var archive = await _site.Client.GetStringAsync(Public("issues/2025-W26.html"), Ct);
        Assert.Contains("<form method=\"post\" action=\"../corrections\">", archive, StringComparison.Ordinal);
        Assert.Contains($"name=\"paper\" value=\"{Paper}\"", archive, StringComparison.Ordinal);

        using (var answer = await SuggestAsync(Suggestion()))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var page = await answer.Content.ReadAsStringAsync(Ct);
            Assert.Contains("<h1>Thank you</h1>", page, StringComparison.Ordinal);
            Assert.Contains("curator, who will read it", page, StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", answer.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }

        var kept = Assert.Single(await PendingAsync());
        Assert.Equal((W26, Paper, Hostile, "Grace"), (kept.Week, kept.Paper?.Canonical, kept.Text, kept.Contact));

        Assert.Contains("one suggestion from a reader waits for you", await _site.SignInAsync(), StringComparison.Ordinal);
        var queue = await _site.GetStringAsync("corrections");
        Assert.DoesNotContain("<script>alert(1)", queue, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", queue, StringComparison.Ordinal);
        Assert.Contains("href=\"/roundup/issues/2025-W26.html#p-2506-01234\"", queue, StringComparison.Ordinal);
        Assert.Contains("Self-Verifying Chains of Thought", queue, StringComparison.Ordinal);
        Assert.Contains("Waiting for you (1)", queue, StringComparison.Ordinal);

        using (var published = await _site.PostAsync($"corrections/{kept.Id}/publish", queue, ("text", "The gain on MATH is 3.6 points, not 6.3.")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, published.StatusCode);
            Assert.Equal("/roundup/desk/corrections", published.Headers.Location?.OriginalString);
        }

        var after = await _site.Store.Corrections.GetAsync(kept.Id, Ct);
        Assert.Equal((SuggestionStatus.Published, (int?)1, "alice"), (after!.Status, after.Erratum, after.DecidedBy));
        var correction = Assert.Single((await _site.Store.Issues.GetAsync(W26, Ct))!.Corrections);
        Assert.Equal((Paper, "The gain on MATH is 3.6 points, not 6.3.", false), (correction.Paper?.Canonical, correction.Text, correction.Email));
        archive = await _site.Client.GetStringAsync(Public("issues/2025-W26.html"), Ct);
        Assert.Contains("The gain on MATH is 3.6 points, not 6.3.", archive, StringComparison.Ordinal);
        queue = await _site.GetStringAsync("corrections");
        Assert.Contains("Waiting for you (0)", queue, StringComparison.Ordinal);
        Assert.Contains("no suggestion from readers waits for you", await _site.GetStringAsync(""), StringComparison.Ordinal);
        Assert.Contains("correction 1 of 2025-W26, by alice", queue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_filled_trap_field_gets_the_same_thanks_and_nothing_is_stored()
    {
        using var answer = await SuggestAsync([("week", "2025-W26"), ("paper", Paper), ("text", "Buy now"), ("website", "https://spam.example")]);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("<h1>Thank you</h1>", await answer.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task Bad_or_oversized_posts_get_a_clear_refusal_and_nothing_is_stored()
    {
        await AssertRefusedAsync(await SuggestAsync(Suggestion(text: "  ")), HttpStatusCode.BadRequest, "The correction is empty");
        await AssertRefusedAsync(await SuggestAsync(Suggestion(text: new string('x', SuggestionLimits.MaxTextLength + 1))), HttpStatusCode.BadRequest, $"at most {SuggestionLimits.MaxTextLength} are accepted");
        await AssertRefusedAsync(await SuggestAsync(Suggestion(paper: "2506.99999")), HttpStatusCode.BadRequest, "has no paper");
        await AssertRefusedAsync(await SuggestAsync([("week", "2025-W27"), ("paper", Paper), ("text", "x")]), HttpStatusCode.BadRequest, "no published issue for 2025-W27");
        await AssertRefusedAsync(await SuggestAsync([("week", "2025-W26"), ("paper", Paper), ("text", "one"), ("text", "two")]), HttpStatusCode.BadRequest, "2 &#x27;text&#x27; fields");
        await AssertRefusedAsync(await SuggestAsync(Suggestion(from: new string('g', SuggestionLimits.MaxContactLength + 1))), HttpStatusCode.BadRequest, $"at most {SuggestionLimits.MaxContactLength}");
        using (var json = new StringContent("{\"text\":\"x\"}", Encoding.UTF8, "application/json"))
        {
            await AssertRefusedAsync(await _site.Client.PostAsync(Public("corrections"), json, Ct), HttpStatusCode.BadRequest, "not a form");
        }

        using (var huge = new StringContent("week=2025-W26&paper=2506.01234&text=" + new string('x', 40_000), Encoding.ASCII, "application/x-www-form-urlencoded"))
        {
            await AssertRefusedAsync(await _site.Client.PostAsync(Public("corrections"), huge, Ct), HttpStatusCode.RequestEntityTooLarge, "larger than");
        }

        // A long text within the body limit passes the server's form limits and is kept whole.
        using (var long1500 = await SuggestAsync(Suggestion(text: string.Concat(Enumerable.Repeat("é <b>", 300)))))
        {
            Assert.Equal(HttpStatusCode.OK, long1500.StatusCode);
        }

        Assert.Equal(1500, Assert.Single(await PendingAsync()).Text.Length);
    }

    [Fact]
    public async Task Posting_suggestions_is_limited_per_client()
    {
        HttpStatusCode last = HttpStatusCode.OK;
        for (var i = 0; i < 31 && last != HttpStatusCode.TooManyRequests; i++)
        {
            using var answer = await SuggestAsync([("week", "2025-W26"), ("paper", Paper), ("text", $"attempt {i}"), ("website", "bot")]);
            last = answer.StatusCode;
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, last);
        using var refused = await SuggestAsync(Suggestion());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null, "a 429 says when to retry");
        Assert.Empty(await PendingAsync());
    }

    [Fact]
    public async Task A_rejected_suggestion_leaves_the_queue_and_publishes_nothing()
    {
        using (await SuggestAsync(Suggestion(text: "Not really wrong.")))
        {
        }

        var kept = Assert.Single(await PendingAsync());
        await _site.SignInAsync();
        var queue = await _site.GetStringAsync("corrections");
        using (var rejected = await _site.PostAsync($"corrections/{kept.Id}/reject", queue))
        {
            Assert.Equal(HttpStatusCode.SeeOther, rejected.StatusCode);
        }

        Assert.Empty(await PendingAsync());
        queue = await _site.GetStringAsync("corrections");
        Assert.Contains("No suggestion is waiting.", queue, StringComparison.Ordinal);
        Assert.Contains("rejected by alice", queue, StringComparison.Ordinal);
        Assert.Empty((await _site.Store.Issues.GetAsync(W26, Ct))!.Corrections);

        using var again = await _site.PostAsync($"corrections/{kept.Id}/publish", queue, ("text", "Too late."));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already rejected by alice", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty((await _site.Store.Issues.GetAsync(W26, Ct))!.Corrections);
    }

    [Fact]
    public async Task The_queue_needs_a_signed_in_curator_and_its_forms_their_token()
    {
        using (await SuggestAsync(Suggestion()))
        {
        }

        var kept = Assert.Single(await PendingAsync());
        using (var signedOut = await _site.GetAsync("corrections"))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.Contains("/desk/sign-in", signedOut.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        using (var signedOutPost = await _site.PostAsync($"corrections/{kept.Id}/reject", null))
        {
            Assert.Equal(HttpStatusCode.Redirect, signedOutPost.StatusCode);
        }

        await _site.SignInAsync();
        using (var tokenless = await _site.PostAsync($"corrections/{kept.Id}/publish", null, ("text", "Published without a token.")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tokenless.StatusCode);
        }

        using (var tokenlessReject = await _site.PostAsync($"corrections/{kept.Id}/reject", null))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tokenlessReject.StatusCode);
        }

        Assert.Equal(SuggestionStatus.Pending, (await _site.Store.Corrections.GetAsync(kept.Id, Ct))!.Status);
        Assert.Empty((await _site.Store.Issues.GetAsync(W26, Ct))!.Corrections);
    }

    [Fact]
    public async Task An_erratum_asked_by_e_mail_is_refused_before_the_issue_is_sent_and_mailed_by_a_job_after()
    {
        using (await SuggestAsync(Suggestion(text: "The table is mislabelled.")))
        {
        }

        var kept = Assert.Single(await PendingAsync());
        await _site.SignInAsync();
        var queue = await _site.GetStringAsync("corrections");
        using (var refused = await _site.PostAsync($"corrections/{kept.Id}/publish", queue, ("text", "Table 2's columns are swapped."), ("email", "on")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var page = await refused.Content.ReadAsStringAsync(Ct);
            Assert.Contains("has not been sent to anyone yet", page, StringComparison.Ordinal);
            Assert.Contains("Table 2&#x27;s columns are swapped.</textarea>", page, StringComparison.Ordinal);
        }

        Assert.Equal(SuggestionStatus.Pending, (await _site.Store.Corrections.GetAsync(kept.Id, Ct))!.Status);
        Assert.Empty((await _site.Store.Issues.GetAsync(W26, Ct))!.Corrections);

        await new ManageSubscribers(_site.Host).AddOneAsync("reader@mail.example.org", null, confirmed: true, Ct);
        var send = new SendIssue(_site.Host);
        await foreach (var _ in send.SendAsync(await send.PlanAsync(W26, null, Ct), retryFailed: false, Ct))
        {
        }

        var mailDir = _site.Host.Options.Mail.PickupDir;
        var sentBefore = Directory.GetFiles(mailDir, "*.eml", SearchOption.AllDirectories).Length;
        using (var accepted = await _site.PostAsync($"corrections/{kept.Id}/publish", queue, ("text", "Table 2's columns are swapped."), ("email", "on")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
            Assert.Matches(JobUrl(), accepted.Headers.Location!.OriginalString);
        }

        var job = _site.Server.Services.GetRequiredService<DeskJobs>().All()[0];
        for (var i = 0; i < 500 && !job.IsDone; i++)
        {
            await Task.Delay(20, Ct);
        }

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Contains(job.Lines(), l => l.Contains("2025-W26-erratum-1: sent 1", StringComparison.Ordinal));
        Assert.Equal("/roundup/desk/corrections", job.ResultUrl);
        Assert.Equal(sentBefore + 1, Directory.GetFiles(mailDir, "*.eml", SearchOption.AllDirectories).Length);
        Assert.True((await _site.Store.Issues.GetAsync(W26, Ct))!.Corrections.Single().Email);
    }

    [GeneratedRegex("^/roundup/desk/jobs/[0-9]+$")]
    private static partial Regex JobUrl();

    private static async Task AssertRefusedAsync(HttpResponseMessage answer, HttpStatusCode status, string reason)
    {
        using (answer)
        {
            Assert.Equal(status, answer.StatusCode);
            Assert.Contains(reason, await answer.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    internal static Issue SampleIssue() => SampleIssues.Issue(W26, IssueStatus.Approved);
}
