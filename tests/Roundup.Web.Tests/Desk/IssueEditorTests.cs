using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Roundup.Application.Harvesting;
using Roundup.Application.Settings;
using Roundup.Application.Weeks;
using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Papers;
using Roundup.Testing;
using Roundup.Web.Desk;
using Roundup.Web.Desk.Jobs;

namespace Roundup.Web.Tests.Desk;

/// <summary>
/// The issue at the desk: the write-draft job, arrangement and words stored as new versions, the grounding check of
/// the curator's words (as they type and on save), previews with their frame policy, and paper text kept as text.
/// </summary>
public sealed class IssueEditorTests : IAsyncLifetime
{
    internal const string WeekText = "2025-W26";
    private static readonly IssueWeek Week = IssueWeek.Parse(WeekText);
    private DeskSite _site = null!;
    private IReadOnlyList<Paper> _papers = [];

    public async ValueTask InitializeAsync()
    {
        _site = await StartSiteAsync();
    }

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Signed_out_the_issue_pages_redirect_to_sign_in()
    {
        foreach (var url in new[] { "issue", $"issue?week={WeekText}", $"issue/preview?week={WeekText}&view=email-light" })
        {
            using var answer = await _site.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
            Assert.Contains("sign-in", answer.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_write_job_writes_the_draft_from_the_stored_selection_and_a_rewrite_keeps_the_curators_words()
    {
        await HarvestAsync();
        await _site.SignInAsync();
        var empty = await _site.GetStringAsync($"issue?week={WeekText}");
        Assert.Contains("Write the draft", empty, StringComparison.Ordinal);

        await WriteAsync(empty);
        var issue = await StoredAsync();
        Assert.Equal(1, issue.Version);
        Assert.NotEmpty(issue.Entries);
        var first = issue.Entries.First();
        var page = await _site.GetStringAsync($"issue?week={WeekText}");
        Assert.Contains(WebUtility.HtmlEncode(first.Title), page, StringComparison.Ordinal);

        // A commentary longer than the public forms' 1 KB fields: the desk's forms take a paper's words.
        var longCommentary = first.Text.Commentary + " " + string.Concat(Enumerable.Repeat("The curator adds a long paragraph of their own. ", 40));
        using (var edit = await _site.PostAsync("issue/entry", page, ("week", WeekText), ("paper", first.Id.Canonical), ("tldr", "My own words on it."), ("summary", string.Join("\n\n", first.Text.Summary)), ("commentary", longCommentary)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, edit.StatusCode);
        }

        using (var retitle = await _site.PostAsync("issue/retitle", page, ("week", WeekText), ("title", "The curator's headline"), ("intro", issue.Intro)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, retitle.StatusCode);
        }

        var edited = await StoredAsync();
        Assert.Equal(3, edited.Version);
        var edits = edited.Entries.First(e => e.Id.Canonical == first.Id.Canonical).Edits!;
        Assert.Equal("My own words on it.", edits.Tldr);
        Assert.Empty(edits.Summary);
        Assert.Equal(longCommentary.TrimEnd(), edits.Commentary);
        Assert.Null(edited.CuratorIntro);

        await WriteAsync(await _site.GetStringAsync($"issue?week={WeekText}"));
        var rewritten = await StoredAsync();
        Assert.Equal(4, rewritten.Version);
        Assert.Equal("My own words on it.", rewritten.Entries.First(e => e.Id.Canonical == first.Id.Canonical).Shown.Tldr);
        Assert.Equal("The curator's headline", rewritten.Title);
        Assert.Equal("The curator's headline", rewritten.CuratorTitle);
    }

    [Fact]
    public async Task Reordering_and_moving_store_a_new_version()
    {
        await SampleIssueAsync();
        await _site.SignInAsync();
        var page = await _site.GetStringAsync($"issue?week={WeekText}");
        var a = _papers[0].Id.Canonical;
        var c = _papers[2].Id.Canonical;

        using (var down = await _site.PostAsync("issue/arrange", page, ("week", WeekText), ("action", "entry-down"), ("paper", a)))
        {
            Assert.Equal(HttpStatusCode.SeeOther, down.StatusCode);
        }

        var moved = await StoredAsync();
        Assert.Equal(2, moved.Version);
        Assert.Equal([_papers[1].Id.Canonical, a], moved.Sections[0].Entries.Select(e => e.Id.Canonical));

        using (var up = await _site.PostAsync("issue/arrange", page, ("week", WeekText), ("action", "section-up"), ("section", "1")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, up.StatusCode);
        }

        Assert.Equal(["Beta", "Alpha", "Gamma"], (await StoredAsync()).Sections.Select(s => s.Topic));

        using (var across = await _site.PostAsync("issue/arrange", page, ("week", WeekText), ("action", "move"), ("paper", c), ("section", "2")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, across.StatusCode);
        }

        var after = await StoredAsync();
        Assert.Equal(4, after.Version);
        Assert.Equal(["Alpha", "Gamma"], after.Sections.Select(s => s.Topic));
        Assert.Equal(c, after.Sections[1].Entries[^1].Id.Canonical);

        // A move past the end is refused with a page that says why, and nothing is stored.
        using var refused = await _site.PostAsync("issue/arrange", page, ("week", WeekText), ("action", "section-up"), ("section", "0"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("already first", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using var nonsense = await _site.PostAsync("issue/arrange", page, ("week", WeekText), ("action", "sideways"), ("paper", a));
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
        Assert.Equal(4, (await StoredAsync()).Version);
    }

    [Fact]
    public async Task An_invented_number_in_a_tldr_is_flagged_by_the_check_and_after_the_save()
    {
        await SampleIssueAsync();
        await _site.SignInAsync();
        var page = await _site.GetStringAsync($"issue?week={WeekText}");
        var paper = _papers[0].Id.Canonical;
        const string Tldr = "It reaches 987.65 points on the benchmark.";

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_site.Desk, "issue/check"))
        {
            Content = JsonContent.Create(new { week = WeekText, paper, tldr = Tldr, summary = "", commentary = "" }),
        };
        request.Headers.Add(DeskLimits.AntiforgeryHeader, DeskSite.FormToken(page));
        using var answer = await _site.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var json = JsonDocument.Parse(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var claim = Assert.Single(json.RootElement.GetProperty("unsupported").EnumerateArray());
        Assert.Equal("tldr", claim.GetProperty("field").GetString());
        Assert.Equal("number", claim.GetProperty("kind").GetString());
        var text = claim.GetProperty("text").GetString()!;
        Assert.Contains("987.65", text, StringComparison.Ordinal);
        Assert.Equal(Tldr.IndexOf(text, StringComparison.Ordinal), claim.GetProperty("start").GetInt32());

        // Without the page's token the check is refused.
        using var bare = await _site.Client.PostAsJsonAsync(new Uri(_site.Desk, "issue/check"), new { week = WeekText, paper, tldr = Tldr }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);

        using (var save = await _site.PostAsync("issue/entry", page, ("week", WeekText), ("paper", paper), ("tldr", Tldr), ("summary", "Summary."), ("commentary", "Commentary.")))
        {
            Assert.Equal(HttpStatusCode.SeeOther, save.StatusCode);
        }

        var stored = await StoredAsync();
        Assert.Equal(Tldr, stored.Entries.First(e => e.Id.Canonical == paper).Edits!.Tldr);
        var after = await _site.GetStringAsync($"issue?week={WeekText}");
        Assert.Contains($"“{WebUtility.HtmlEncode(text)}” in the TL;DR is not in the paper", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_in_a_paper_stays_text_in_the_editor_and_the_previews_which_carry_their_frame_policy()
    {
        await SampleIssueAsync();
        await _site.SignInAsync();
        using var page = await _site.GetAsync($"issue?week={WeekText}");
        var html = await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert", html, StringComparison.Ordinal);
        Assert.Contains("frame-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", page.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("issue/preview?week=2025-W26&amp;view=email-light", html, StringComparison.Ordinal);
        Assert.Contains("issue/send?week=2025-W26", html, StringComparison.Ordinal);

        foreach (var view in new[] { "email-light", "email-dark", "email-narrow", "archive" })
        {
            using var preview = await _site.GetAsync($"issue/preview?week={WeekText}&view={view}");
            Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
            var policy = preview.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'self'", policy, StringComparison.Ordinal);
            Assert.Contains("script-src 'none'", policy, StringComparison.Ordinal);
            Assert.Contains("style-src 'unsafe-inline'", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("frame-ancestors 'none'", policy, StringComparison.Ordinal);
            Assert.Equal("SAMEORIGIN", preview.Headers.GetValues("X-Frame-Options").Single());
            var body = await preview.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.DoesNotContain("<script>alert", body, StringComparison.Ordinal);
            Assert.Contains("Evil title", body, StringComparison.Ordinal);
            if (view == "email-dark")
            {
                Assert.Contains("@media all", body, StringComparison.Ordinal);
                Assert.Contains("content=\"dark\"", body, StringComparison.Ordinal);
            }

            if (view == "archive")
            {
                Assert.Contains("<style>", body, StringComparison.Ordinal);
            }
        }

        using var bad = await _site.GetAsync($"issue/preview?week={WeekText}&view=print");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var badWeek = await _site.GetAsync("issue?week=next-week");
        Assert.Equal(HttpStatusCode.BadRequest, badWeek.StatusCode);
        Assert.Contains("is not an ISO week", await badWeek.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private async Task HarvestAsync() => _papers = await HarvestAsync(_site);

    private async Task SampleIssueAsync() => _papers = await SampleIssueAsync(_site);

    /// <summary>Sixty papers of the benchmark week's first listing, harvested into the site's store.</summary>
    internal static async Task<IReadOnlyList<Paper>> HarvestAsync(DeskSite site)
    {
        var listing = SharedData.Require("arxiv/listings/2025-06-23.jsonl");
        var small = site.Dir.File("listing.jsonl");
        await File.WriteAllLinesAsync(small, File.ReadLines(listing).Take(60), TestContext.Current.CancellationToken);
        var window = Window.Resolve(WeekText, null, null, site.Host.Calendar, site.Host.Time);
        await new HarvestWeek(site.Host).RunAsync(window, [$"file:{small}"], TestContext.Current.CancellationToken);
        var papers = await site.Store.Papers.GetPapersAnnouncedAsync(window.First, window.Last, TestContext.Current.CancellationToken);
        Assert.True(papers.Count >= 4, $"{papers.Count} papers harvested");
        return papers;
    }

    /// <summary>An issue of four harvested papers in three sections, the first titled with a script.</summary>
    internal static async Task<IReadOnlyList<Paper>> SampleIssueAsync(DeskSite site)
    {
        var papers = await HarvestAsync(site);
        IssueEntry Entry(int i) => new()
        {
            Id = papers[i].Id,
            Title = i == 0 ? "<script>alert(1)</script> Evil title" : papers[i].Title,
            Authors = papers[i].Authors,
            Text = new EntryText("Summary.", [i == 0 ? "A <script>alert(2)</script> summary." : "Summary."], "Commentary."),
            Writer = "offline",
        };
        await site.Store.Issues.SaveAsync(new Issue
        {
            Week = Week,
            Title = "Alpha and beta",
            Intro = "The writer's intro.",
            Written = site.Time.GetUtcNow(),
            Sections = [new IssueSection("Alpha", [Entry(0), Entry(1)]), new IssueSection("Beta", [Entry(2)]), new IssueSection("Gamma", [Entry(3)])],
        }, TestContext.Current.CancellationToken);
        return papers;
    }

    /// <summary>The desk with full texts from the folder only: nothing goes to arXiv.</summary>
    internal static Task<DeskSite> StartSiteAsync() =>
        DeskSite.StartAsync(dir =>
        {
            var o = DeskSite.DefaultOptions(dir);
            return new RoundupOptions
            {
                Store = o.Store,
                Selection = new SelectionOptions { FullTextDir = o.Selection.FullTextDir, TasteModel = o.Selection.TasteModel, Profile = o.Selection.Profile, FullText = new Roundup.Arxiv.FullText.FullTextFetchOptions { Offline = true } },
                Publish = o.Publish,
                Mail = o.Mail,
                Serve = o.Serve,
            };
        });

    private async Task WriteAsync(string page)
    {
        using var answer = await _site.PostAsync("issue/write", page, ("week", WeekText));
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        var id = int.Parse(answer.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        var job = _site.Server.Services.GetRequiredService<DeskJobs>().Get(id)!;
        for (var i = 0; i < 1200 && !job.IsDone; i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(job.State == JobState.Succeeded, string.Join("\n", job.Lines()));
        Assert.Equal($"/roundup/desk/issue?week={WeekText}", job.ResultUrl);
    }

    private async Task<Issue> StoredAsync() => (await _site.Store.Issues.GetAsync(Week, TestContext.Current.CancellationToken))!;
}
