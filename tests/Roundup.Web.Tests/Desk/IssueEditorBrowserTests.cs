using PuppeteerSharp;
using Roundup.Testing.Browser;

namespace Roundup.Web.Tests.Desk;

/// <summary>The issue page in headless Chromium: a TL;DR typed with an invented number is marked as it is typed.</summary>
public sealed class IssueEditorBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_tldr_typed_with_an_invented_number_is_marked_beside_the_field()
    {
        await using var site = await IssueEditorTests.StartSiteAsync();
        var papers = await IssueEditorTests.SampleIssueAsync(site);
        var dialogs = new List<string>();
        var complaints = new List<string>();
        await using var page = await DeskBrowser.WatchedPageAsync(chromium, complaints, dialogs, warnings: true, failedLoads: false);

        await DeskBrowser.SignInAsync(page, site);
        await page.GoToAsync(new Uri(site.Desk, $"issue?week={IssueEditorTests.WeekText}").AbsoluteUri);

        const string Field = "form.entry-words textarea[name=tldr]";
        await page.EvaluateExpressionAsync($"document.querySelector('{Field}').value = ''");
        await page.TypeAsync(Field, "It reaches 987.65 points on the benchmark.");
        // The check is debounced and answered by the server: wait for its mark (bounded by the default timeout).
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('form.entry-words ul.unsupported li')].some(li => li.textContent.includes('987.65'))");

        Assert.True(await page.EvaluateExpressionAsync<bool>($"document.querySelector('{Field}').classList.contains('unsupported-claim')"));
        Assert.Equal("true", await page.EvaluateExpressionAsync<string>($"document.querySelector('{Field}').getAttribute('aria-invalid')"));
        Assert.Equal("polite", await page.EvaluateExpressionAsync<string>("document.querySelector('form.entry-words ul.unsupported').getAttribute('aria-live')"));
        // The framed preview was allowed by both policies and shows the e-mail.
        await page.WaitForFunctionAsync("() => document.querySelector('iframe.preview') !== null");
        var frame = page.Frames.Single(f => f.Url.Contains("issue/preview", StringComparison.Ordinal));
        await frame.WaitForFunctionAsync("() => document.readyState === 'complete' && document.body !== null", new WaitForFunctionOptions());
        Assert.Contains("Evil title", await frame.EvaluateExpressionAsync<string>("document.body.innerText"), StringComparison.Ordinal);
        // The paper's script stayed text.
        Assert.Contains("<script>alert(1)</script> Evil title", await page.EvaluateExpressionAsync<string>("document.querySelector('article.issue-entry h4').textContent"), StringComparison.Ordinal);

        // By keyboard: the first paper's Down button focused, Alt+Shift+ArrowDown moves it below the second.
        await page.FocusAsync("article.issue-entry .arrange button[value=entry-down]");
        await page.Keyboard.DownAsync("Alt");
        await page.Keyboard.DownAsync("Shift");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.Keyboard.PressAsync("ArrowDown"));
        await page.Keyboard.UpAsync("Shift");
        await page.Keyboard.UpAsync("Alt");
        var stored = await site.Store.Issues.GetAsync(Roundup.Calendar.IssueWeek.Parse(IssueEditorTests.WeekText), TestContext.Current.CancellationToken);
        Assert.Equal(2, stored!.Version);
        Assert.Equal(papers[0].Id.Canonical, stored.Sections[0].Entries[1].Id.Canonical);

        Assert.Empty(complaints);
        Assert.Empty(dialogs);
    }
}
