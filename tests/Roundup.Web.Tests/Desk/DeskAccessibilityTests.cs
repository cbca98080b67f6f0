using Roundup.Calendar;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Selection;
using Roundup.Testing.Browser;

namespace Roundup.Web.Tests.Desk;

/// <summary>The desk's main pages in Chromium: no serious accessibility violation (axe-core), no policy violation, no script error.</summary>
public sealed class DeskAccessibilityTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task The_desks_main_pages_have_no_serious_accessibility_violations()
    {
        await using var site = await DeskSite.StartAsync();
        await SeedWeekAsync(site);
        var complaints = new List<string>();
        var dialogs = new List<string>();
        await using var page = await DeskBrowser.SignedInPageAsync(chromium, site, complaints, dialogs);

        var problems = new List<string>();
        foreach (var path in new[] { "sign-in", "", "week?week=2025-W26", "jobs" })
        {
            if (path == "sign-in")
            {
                await using var signedOut = await chromium.NewPageAsync(dialogs);
                await signedOut.GoToAsync(new Uri(site.Desk, path).AbsoluteUri);
                problems.AddRange((await Axe.SeriousViolationsAsync(signedOut)).Select(v => $"{path}: {v}"));
                continue;
            }

            await page.GoToAsync(new Uri(site.Desk, path).AbsoluteUri);
            problems.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{(path.Length == 0 ? "home" : path)}: {v}"));
        }

        Assert.Empty(problems);
        Assert.Empty(complaints);
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task On_a_phones_width_the_desks_pages_need_no_sideways_scrolling()
    {
        await using var site = await DeskSite.StartAsync();
        await SeedWeekAsync(site);
        var complaints = new List<string>();
        var dialogs = new List<string>();
        await using var page = await DeskBrowser.SignedInPageAsync(chromium, site, complaints, dialogs);
        await page.SetViewportAsync(new PuppeteerSharp.ViewPortOptions { Width = 375, Height = 740 });

        var wide = new List<string>();
        foreach (var path in new[] { "", "week?week=2025-W26", "paper/2506.20001?week=2025-W26", "issue", "readers", "corrections", "jobs" })
        {
            await page.GoToAsync(new Uri(site.Desk, path).AbsoluteUri);
            var width = await page.EvaluateExpressionAsync<int>("document.documentElement.scrollWidth");
            if (width > 375)
            {
                wide.Add($"{(path.Length == 0 ? "home" : path)}: {width} px wide");
            }
        }

        Assert.Empty(wide);
        Assert.Empty(complaints);
    }

    [Fact]
    public async Task The_check_itself_finds_an_unlabelled_control()
    {
        var dialogs = new List<string>();
        await using var page = await chromium.NewPageAsync(dialogs);
        await page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>t</title></head><body><main><input type=\"text\"></main></body></html>");
        Assert.Contains(await Axe.SeriousViolationsAsync(page), v => v.StartsWith("label:", StringComparison.Ordinal));
    }

    private static async Task SeedWeekAsync(DeskSite site)
    {
        var paper = new Paper { Id = ArxivId.Parse("2506.20001"), Title = "<script>alert(1)</script> Attention sinks", Abstract = "An abstract.", Authors = ["Ada Lovelace"], Categories = ["cs.LG"] };
        await site.Store.Harvest.SavePageAsync("test", "k", [new HarvestedPaper(paper, new DateOnly(2025, 6, 23), AnnounceType.New)], null);
        await site.Store.Selection.SaveStageAsync(SelectionKey.ForWeek(new IssueWeek(2025, 26)), new StageRun("title", 1, "h", 1, 1, 0, 0.1, ScorerUsage.None),
            [new Judgement("title", paper.Id, 0.9, 1, true, "went on: rank 1 of 1", [], ["taste"])]);
    }
}
