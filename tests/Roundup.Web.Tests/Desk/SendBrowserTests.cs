using Microsoft.Extensions.DependencyInjection;
using PuppeteerSharp;
using Roundup.Delivery;
using Roundup.Testing.Browser;
using Roundup.Web.Desk.Jobs;

namespace Roundup.Web.Tests.Desk;

/// <summary>
/// Approve and send in headless Chromium, signed in through the form: the send asks before it goes, and the job's page
/// follows the running totals (jobs.js) to the end, with no Content-Security-Policy complaint.
/// </summary>
public sealed class SendBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task A_curator_approves_and_sends_and_the_job_page_shows_the_totals_live()
    {
        await using var site = await DeskSite.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        await SendTests.SaveDraftAsync(site);
        await site.Store.Subscribers.AddSubscribersAsync([.. Enumerable.Range(1, 3).Select(i => new SubscriberImport($"reader{i}@mail.example.org", null))], SubscriberStatus.Active, ct);
        var dialogs = new List<string>();
        var complaints = new List<string>();
        await using var page = await DeskBrowser.WatchedPageAsync(chromium, complaints, dialogs, warnings: true, failedLoads: false);

        await DeskBrowser.SignInAsync(page, site);

        await page.GoToAsync(new Uri(site.Desk, "issue/send?week=2025-W26").AbsoluteUri);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("form[action$='issue/approve'] button"));
        Assert.Equal("approved", await page.EvaluateExpressionAsync<string>("document.getElementById('issue-state').textContent"));

        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("form[action$='issue/send/confirm'] button"));
        Assert.Equal("3", await page.EvaluateExpressionAsync<string>("document.querySelector('#recipient-count strong').textContent"));

        // The send asks first; the test's browser says no, and nothing goes out.
        await page.ClickAsync("form[data-confirm] button");
        await Roundup.Testing.Smtp.SmtpSink.WaitUntilAsync(() => dialogs.Count > 0, TimeSpan.FromSeconds(10), "the send's question");
        Assert.Equal(["Send 2025-W26 now?"], dialogs);
        Assert.Equal(0, (await site.Store.Outbox.CountAsync(MailingKey.Parse("2025-W26"), ct)).Total);

        // A job ahead holds the queue, so the send's page opens before its figures exist and only jobs.js can show them.
        var ahead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        site.Server.Services.GetRequiredService<DeskJobs>().Start("Hold the queue", DeskSite.Curator, (_, _, jobCt) => ahead.Task.WaitAsync(jobCt));

        // Submitted without the question (form.submit() fires no submit event), as a curator saying yes would.
        await Task.WhenAll(page.WaitForNavigationAsync(), page.EvaluateExpressionAsync("document.querySelector('form[data-confirm]').submit()"));
        Assert.Contains("/desk/jobs/", page.Url, StringComparison.Ordinal);
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.getElementById('job-figures').hidden"));
        ahead.SetResult();
        await page.WaitForFunctionAsync("() => document.getElementById('job-state').dataset.state === 'succeeded'", new WaitForFunctionOptions { Timeout = 30_000 });
        var figures = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#job-figures div')].map(d => d.querySelector('dt').textContent + '=' + d.querySelector('dd').textContent)");
        Assert.Equal(["sent=3", "deferred=0", "failed=0", "suppressed=0", "waiting=0"], figures);
        Assert.False(await page.EvaluateExpressionAsync<bool>("document.getElementById('job-figures').hidden"));
        Assert.Contains("2025-W26: finished", await page.EvaluateExpressionAsync<string>("document.getElementById('job-lines').textContent"), StringComparison.Ordinal);
        Assert.False(await page.EvaluateExpressionAsync<bool>("document.getElementById('job-result').hidden"));

        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#job-result a"));
        Assert.Equal("3", await page.EvaluateExpressionAsync<string>("document.querySelector('td[data-state=sent]').textContent"));

        // The readers page refuses a file larger than the desk imports before sending it.
        await page.GoToAsync(new Uri(site.Desk, "readers").AbsoluteUri);
        var huge = site.Dir.File("huge.csv");
        await File.WriteAllBytesAsync(huge, new byte[(2 * 1024 * 1024) + 1], ct);
        await (await page.QuerySelectorAsync("#file"))!.UploadFileAsync(huge);
        await page.ClickAsync("form[action$='readers/import'] button");
        await page.WaitForFunctionAsync("() => !document.getElementById('file-problem').hidden");
        Assert.Contains("huge.csv is 2,097,153 bytes", await page.EvaluateExpressionAsync<string>("document.getElementById('file-problem').textContent"), StringComparison.Ordinal);
        Assert.EndsWith("/desk/readers", page.Url, StringComparison.Ordinal);
        Assert.Empty(complaints);
    }
}
