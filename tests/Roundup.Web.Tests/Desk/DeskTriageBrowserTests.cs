using Roundup.Calendar;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Selection;
using Roundup.Testing.Browser;

namespace Roundup.Web.Tests.Desk;

/// <summary>
/// Triage by keyboard in headless Chromium, under the desk's Content-Security-Policy: signed in through the form, the
/// week's title stage walked with j, pinned with p, dropped with d, the last decision undone with u, each decision
/// stored for the week as the curator's; the key presses are counted.
/// </summary>
public sealed class DeskTriageBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    private static readonly SelectionKey Key = SelectionKey.ForWeek(new IssueWeek(2025, 26));

    [Fact]
    public async Task Titles_are_triaged_by_keyboard_and_each_pin_drop_and_undo_reaches_the_store()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var site = await DeskSite.StartAsync();
        var papers = Enumerable.Range(1, 6).Select(n => new Paper
        {
            Id = ArxivId.Parse($"2506.4000{n}"),
            Title = n == 2 ? "<img src=x onerror=alert(1)> Hostile title" : $"Title number {n}",
            Abstract = "An abstract.",
            Authors = [$"Author {n}"],
            Categories = ["cs.LG"],
        }).ToList();
        await site.Store.Harvest.SavePageAsync("test", "k", [.. papers.Select(p => new HarvestedPaper(p, new DateOnly(2025, 6, 23), AnnounceType.New))], null, ct);
        await site.Store.Selection.SaveStageAsync(Key, new StageRun("title", 1, "h", 6, 3, 0, 0.1, ScorerUsage.None),
            [.. papers.Select((p, i) => new Judgement("title", p.Id, 0.9 - (0.1 * i), i + 1, i < 3, i < 3 ? $"advanced: rank {i + 1} of 6" : $"stopped: rank {i + 1} of 6 is beyond the budget of 3", [], ["taste"]))], ct);

        var dialogs = new List<string>();
        var complaints = new List<string>();
        await using var page = await DeskBrowser.WatchedPageAsync(chromium, complaints, dialogs, warnings: true, failedLoads: false);

        await DeskBrowser.SignInAsync(page, site);

        await page.GoToAsync(new Uri(site.Desk, "week?week=2025-W26&stage=title").AbsoluteUri);
        await page.WaitForSelectorAsync("#triage[data-ready=true]");

        // Six titles: walk them all with j, pin the first, drop the third, pin the sixth, then undo that last pin.
        var presses = 0;
        async Task Press(string key)
        {
            presses++;
            await page.Keyboard.PressAsync(key);
        }

        await Press("j");
        await Press("p");
        await Press("j");
        await Press("j");
        await Press("d");
        await Press("j");
        await Press("j");
        await Press("j");
        await Press("p");
        var triagePresses = presses;
        await Press("u");
        await page.WaitForFunctionAsync("() => document.getElementById('triage').dataset.pending === '0'");

        Assert.Equal(9, triagePresses);
        Assert.Equal(10, presses);
        var words = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#triage li.paper')].map(li => li.dataset.word)");
        Assert.Equal(["pin", "", "drop", "", "", ""], words);
        Assert.Equal("paper-2506.40006", await page.EvaluateExpressionAsync<string>("document.activeElement.id"));
        Assert.Equal(["paper-2506.40006"], await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#triage li.selected')].map(li => li.id)"));
        Assert.Equal("pinned", await page.EvaluateExpressionAsync<string>("document.querySelector('#paper-2506\\\\.40001 .word-now').textContent"));

        var stored = (await site.Store.Selection.GetDecisionsAsync(Key, ct)).ToDictionary(d => d.Paper.Canonical, d => d.Kind, StringComparer.Ordinal);
        Assert.Equal(2, stored.Count);
        Assert.Equal(DecisionKind.Pin, stored["2506.40001"]);
        Assert.Equal(DecisionKind.Drop, stored["2506.40003"]);

        // The page as reloaded shows what the store holds; ? shows the keys; k moves back; o opens the paper.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#triage[data-ready=true]");
        Assert.Equal(["pin", "", "drop", "", "", ""], await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#triage li.paper')].map(li => li.dataset.word)"));
        Assert.True(await page.EvaluateExpressionAsync<bool>("document.getElementById('triage-keys').hidden"));
        await page.Keyboard.PressAsync("?");
        Assert.False(await page.EvaluateExpressionAsync<bool>("document.getElementById('triage-keys').hidden"));
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("j");
        await page.Keyboard.PressAsync("k");
        Assert.Equal("paper-2506.40001", await page.EvaluateExpressionAsync<string>("document.activeElement.id"));
        await Task.WhenAll(page.WaitForNavigationAsync(), page.Keyboard.PressAsync("o"));
        Assert.EndsWith("/desk/paper/2506.40001?week=2025-W26", page.Url, StringComparison.Ordinal);

        Assert.Empty(dialogs);
        Assert.Empty(complaints);
    }
}
