using Issue = Roundup.Issues.Issue;
using PuppeteerSharp;
using Roundup.Calendar;
using Roundup.Issues;
using Roundup.Publishing;
using Roundup.Publishing.Archive;
using Roundup.Testing;
using Roundup.Testing.Browser;

namespace Roundup.Web.Tests;

/// <summary>
/// The archive that <c>roundup publish</c> writes, served by the endpoint with its Content-Security-Policy, in
/// headless Chromium: the stylesheet, the inline funnel figure and the client-side search must all still work, and
/// the browser must report no policy violation.
/// </summary>
public sealed class BrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task The_archive_works_in_a_browser_under_the_content_security_policy()
    {
        await using var site = await RunningSite.StartAsync();
        SiteBuilder.Build([SampleIssue()], new SiteOptions("Roundup", site.Base, "Ada Curator", "A weekly digest."), site.ArchiveDir);
        var dialogs = new List<string>();
        await using var page = await chromium.NewPageAsync(dialogs);
        var complaints = new List<string>();
        page.Console += (_, e) =>
        {
            // Failed loads are judged below by URL: the browser's own favicon request is not the archive's.
            if (e.Message.Type is ConsoleType.Error or ConsoleType.Warning && !e.Message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                complaints.Add(e.Message.Text);
            }
        };
        page.Response += (_, e) =>
        {
            if ((int)e.Response.Status >= 400 && !e.Response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                complaints.Add($"{e.Response.Status} {e.Response.Url}");
            }
        };
        page.PageError += (_, e) => complaints.Add(e.Message);
        await page.EvaluateExpressionOnNewDocumentAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))");

        var issue = await page.GoToAsync(new Uri(site.Base, "issues/2025-W26.html").AbsoluteUri);
        Assert.Equal(System.Net.HttpStatusCode.OK, issue.Status);
        Assert.Contains("default-src 'none'", issue.Headers["content-security-policy"], StringComparison.Ordinal);
        var figure = await page.QuerySelectorAsync("figure.funnel svg");
        Assert.NotNull(figure);
        var box = await figure.BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 100 }, $"the figure is {box?.Width}×{box?.Height}");
        Assert.NotEqual("none", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.body).maxWidth"));

        await page.GoToAsync(new Uri(site.Base, "search.html?q=okafor").AbsoluteUri);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#search-results li').length > 0");
        var titles = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#search-results a.title')].map(a => a.textContent)");
        Assert.Equal(["Self-Verifying Chains of Thought"], titles);

        await page.GoToAsync(site.Base.AbsoluteUri);
        Assert.Contains("Verifiers everywhere", await page.EvaluateExpressionAsync<string>("document.body.innerText"), StringComparison.Ordinal);

        Assert.Empty(complaints);
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task The_unsubscribe_page_is_styled_and_its_button_unsubscribes_in_a_browser()
    {
        await using var site = await RunningSite.StartAsync();
        var reader = await site.AddAsync("grace@mail.example.org");
        var dialogs = new List<string>();
        await using var page = await chromium.NewPageAsync(dialogs);
        var complaints = new List<string>();
        page.Console += (_, e) => complaints.Add(e.Message.Text);

        await page.GoToAsync(site.Link("unsubscribe", site.UnsubscribeToken(reader.Id)).AbsoluteUri);
        // The inline style is allowed by its hash: without it the body would have no maximum width.
        Assert.NotEqual("none", await page.EvaluateExpressionAsync<string>("getComputedStyle(document.body).maxWidth"));
        Assert.Equal(Roundup.Delivery.SubscriberStatus.Active, await site.StatusAsync(reader.Id));

        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("button[type=submit]"));
        Assert.Contains("Unsubscribed", await page.EvaluateExpressionAsync<string>("document.querySelector('h1').textContent"), StringComparison.Ordinal);
        Assert.Equal(Roundup.Delivery.SubscriberStatus.Unsubscribed, await site.StatusAsync(reader.Id));
        Assert.Empty(complaints);
    }

    [Fact]
    public async Task The_sign_up_form_hides_its_trap_and_subscribes_as_pending_in_a_browser()
    {
        await using var site = await RunningSite.StartAsync();
        var dialogs = new List<string>();
        await using var page = await chromium.NewPageAsync(dialogs);
        var complaints = new List<string>();
        page.Console += (_, e) => complaints.Add(e.Message.Text);
        await page.EvaluateExpressionOnNewDocumentAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective))");

        await page.GoToAsync(new Uri(site.Base, "subscribe").AbsoluteUri);
        // The trap is moved off-screen by the stylesheet (allowed by its hash), so a person never sees or fills it.
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.querySelector('#website').getBoundingClientRect().right < 0"));
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.querySelector('#email').getBoundingClientRect().width > 100"));
        await page.TypeAsync("#email", "grace@mail.example.org");
        await page.TypeAsync("#name", "Grace");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("button[type=submit]"));
        Assert.Equal("Check your inbox", await page.EvaluateExpressionAsync<string>("document.querySelector('h1').textContent"));
        var grace = await site.Store.FindSubscriberAsync("grace@mail.example.org");
        Assert.Equal((Roundup.Delivery.SubscriberStatus.Pending, "Grace"), (grace!.Status, grace.Name));
        Assert.Empty(complaints);
        Assert.Empty(dialogs);
    }

    private static Issue SampleIssue() => SampleIssues.Issue(
        new IssueWeek(2025, 26),
        IssueStatus.Published,
        SampleIssues.SelfVerifying with { Text = new EntryText("A model checks each step with a learned verifier.", ["It backtracks when a step fails."], "A clean ablation.") },
        SampleIssues.Planning) with
    {
        Published = new DateTimeOffset(2025, 6, 27, 9, 0, 0, TimeSpan.Zero),
        Funnel =
        [
            new FunnelCount("scope", 3030, 1060, "first announcements"),
            new FunnelCount("title", 1060, 150, "top 150"),
            new FunnelCount("read", 150, 15, "15 picks"),
        ],
    };
}
