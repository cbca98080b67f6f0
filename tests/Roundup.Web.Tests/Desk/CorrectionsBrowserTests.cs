using Roundup.Application.Publishing;
using Roundup.Calendar;
using Roundup.Corrections;
using Roundup.Testing.Browser;

namespace Roundup.Web.Tests.Desk;

/// <summary>
/// In headless Chromium, under the pages' Content-Security-Policy: a reader opens "Suggest a correction" under an
/// entry of the served archive and sends it; the curator signs in through the form, edits the words and publishes
/// it; the archive page then shows the erratum under the entry.
/// </summary>
public sealed class CorrectionsBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_reader_suggests_from_the_archive_page_and_the_curator_publishes_it_in_a_browser()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var site = await DeskSite.StartAsync();
        await site.Store.Issues.SaveAsync(CorrectionsTests.SampleIssue(), ct);
        await new PublishIssue(site.Host).RunAsync(new IssueWeek(2025, 26), ct);
        var dialogs = new List<string>();
        var complaints = new List<string>();
        await using var page = await DeskBrowser.WatchedPageAsync(chromium, complaints, dialogs, warnings: true, failedLoads: false);

        await page.GoToAsync(new Uri(site.Base, "issues/2025-W26.html").AbsoluteUri);
        const string entry = "#p-2506-01234";
        // The form is folded under its entry, and its trap is off-screen for people.
        Assert.False(await page.EvaluateExpressionAsync<bool>($"document.querySelector('{entry} details.suggest').open"));
        await page.ClickAsync($"{entry} details.suggest summary");
        Assert.True(await page.EvaluateExpressionAsync<bool>($"document.querySelector('{entry} .trap input').getBoundingClientRect().right < 0"));
        await page.TypeAsync("#fix-p-2506-01234", "The gain is 3.6 points, not 6.3 <script>alert(1)</script>");
        await page.TypeAsync("#fix-p-2506-01234-from", "Grace");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync($"{entry} details.suggest button[type=submit]"));
        Assert.Equal("Thank you", await page.EvaluateExpressionAsync<string>("document.querySelector('h1').textContent"));
        var kept = Assert.Single(await site.Store.Corrections.ListAsync(SuggestionStatus.Pending, 10, ct));
        Assert.Equal(("2506.01234", "The gain is 3.6 points, not 6.3 <script>alert(1)</script>", "Grace"), (kept.Paper?.Canonical, kept.Text, kept.Contact));

        await DeskBrowser.SignInAsync(page, site);
        await page.GoToAsync(new Uri(site.Desk, "corrections").AbsoluteUri);
        Assert.Contains("<script>alert(1)</script>", await page.EvaluateExpressionAsync<string>($"document.querySelector('#s-{kept.Id} blockquote').textContent"), StringComparison.Ordinal);
        await page.EvaluateExpressionAsync($"document.querySelector('#erratum-{kept.Id}').value = ''");
        await page.TypeAsync($"#erratum-{kept.Id}", "The gain on MATH is 3.6 points, not 6.3.");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync($"#s-{kept.Id} .erratum-form button[type=submit]"));
        Assert.Contains("No suggestion is waiting.", await page.EvaluateExpressionAsync<string>("document.body.innerText"), StringComparison.Ordinal);

        // The archive's pages may be cached for five minutes (Cache-Control): this reader looks again at once.
        await page.SetCacheEnabledAsync(false);
        await page.GoToAsync(new Uri(site.Base, "issues/2025-W26.html").AbsoluteUri);
        Assert.Contains("The gain on MATH is 3.6 points, not 6.3.", await page.EvaluateExpressionAsync<string>($"document.querySelector('{entry} .correction').textContent"), StringComparison.Ordinal);
        Assert.Empty(complaints);
        Assert.Empty(dialogs);
    }
}
