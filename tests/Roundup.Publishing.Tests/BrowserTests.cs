using PuppeteerSharp;
using PuppeteerSharp.Media;
using Roundup.Publishing.Archive;
using Roundup.Publishing.Email;
using Roundup.Testing;
using Roundup.Testing.Browser;

namespace Roundup.Publishing.Tests;

/// <summary>
/// The HTML e-mail and the web archive as a reader sees them, in headless Chromium. Set ROUNDUP_SCREENSHOTS to a
/// folder to keep the screenshots for a look.
/// </summary>
public sealed class BrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    private static readonly EmailPersonalisation Reader = new("Grace", new Uri("https://example.org/roundup/u/abc"));

    [Fact]
    public async Task The_email_renders_to_a_screenshot_showing_every_pick()
    {
        var dialogs = new List<string>();
        await using var page = await chromium.NewPageAsync(dialogs);
        var issue = SampleIssues.Week26Corrected();
        await page.SetContentAsync(IssueEmail.Render(issue, SampleIssues.Site, Reader).Html);

        var png = await page.ScreenshotDataAsync(new ScreenshotOptions { FullPage = true, Type = ScreenshotType.Png });
        Keep("email-light.png", png);
        Assert.True(png.Length > 20_000, $"the screenshot is only {png.Length} bytes");
        Assert.True(await ColoursIn(page, png) > 10, "the screenshot is (nearly) one colour");

        var text = await page.EvaluateExpressionAsync<string>("document.body.innerText");
        foreach (var entry in issue.Entries)
        {
            Assert.Contains(entry.Title, text, StringComparison.Ordinal);
        }

        Assert.Contains("3.6 points, not 6.3", text, StringComparison.Ordinal);
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task The_email_switches_to_dark_colours_when_the_reader_prefers_them()
    {
        var dialogs = new List<string>();
        await using var page = await chromium.NewPageAsync(dialogs);
        await page.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = "dark" }]);
        await page.SetContentAsync(IssueEmail.Render(SampleIssues.Week26Corrected(), SampleIssues.Site, Reader).Html);
        Keep("email-dark.png", await page.ScreenshotDataAsync(new ScreenshotOptions { FullPage = true, Type = ScreenshotType.Png }));

        var card = await page.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('table.rd-card')).backgroundColor");
        var text = await page.EvaluateExpressionAsync<string>("getComputedStyle(document.querySelector('h1')).color");
        Assert.True(Luminance(card) < 0.2, $"the card is {card} in dark mode");
        Assert.True(Luminance(text) > 0.7, $"the title is {text} in dark mode");
    }

    [Fact]
    public async Task The_archive_issue_page_shows_the_funnel_figure_and_an_anchor_per_entry()
    {
        using var site = new TempDirectory();
        SiteBuilder.Build(SampleIssues.Archive(), SampleIssues.Site, site.Path);
        var dialogs = new List<string>();
        await using var page = await chromium.NewPageAsync(dialogs);
        await page.GoToAsync(new Uri(site.File("issues/2025-W26.html")).AbsoluteUri);

        var figure = await page.QuerySelectorAsync("figure.funnel svg");
        Assert.NotNull(figure);
        var box = await figure.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Width > 100 && box.Height > 100, $"the figure is {box.Width}×{box.Height}");
        Keep("archive-funnel.png", await figure.ScreenshotDataAsync(new ElementScreenshotOptions { Type = ScreenshotType.Png }));

        foreach (var entry in SampleIssues.Week26().Entries)
        {
            var height = await page.EvaluateFunctionAsync<double>("id => document.getElementById(id).getBoundingClientRect().height", entry.Anchor);
            Assert.True(height > 0, $"entry {entry.Anchor} is not shown");
        }

        var stylesheetApplied = await page.EvaluateExpressionAsync<string>("getComputedStyle(document.body).maxWidth");
        Assert.NotEqual("none", stylesheetApplied);
        Keep("archive-issue.png", await page.ScreenshotDataAsync(new ScreenshotOptions { FullPage = true, Type = ScreenshotType.Png }));
        Assert.Empty(dialogs);
    }

    [Fact]
    public async Task The_archive_search_finds_an_entry_by_a_word_of_its_title()
    {
        using var site = new TempDirectory();
        SiteBuilder.Build(SampleIssues.Archive(), SampleIssues.Site, site.Path);
        var dialogs = new List<string>();
        await using var page = await chromium.NewPageAsync(dialogs);
        await page.GoToAsync(new Uri(site.File("search.html")).AbsoluteUri);

        await page.TypeAsync("#q", "imagenet");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#search-results li').length > 0");
        var titles = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#search-results a.title')].map(a => a.textContent)");
        Assert.Equal(["Is ImageNet-V2 Still Hard?"], titles);
        Keep("archive-search.png", await page.ScreenshotDataAsync(new ScreenshotOptions { FullPage = true, Type = ScreenshotType.Png }));

        // Wait for the navigation the click starts (waiting on the old page's context races its teardown).
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#search-results a.title"));
        Assert.EndsWith("issues/2025-W26.html#p-2506-05791", page.Url, StringComparison.Ordinal);

        // The header's search box on every page leads to the same results; the hostile title is found as text.
        await page.GoToAsync(new Uri(site.File("search.html")).AbsoluteUri + "?q=script+quotes");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#search-results li').length > 0");
        var hostile = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#search-results a.title')].map(a => a.textContent)");
        Assert.Equal([SampleIssues.HostileTitle], hostile);
        Assert.Empty(dialogs);
    }

    /// <summary>Counts the distinct colours in a PNG by drawing it on a canvas in the browser.</summary>
    private static async Task<int> ColoursIn(IPage page, byte[] png) =>
        await page.EvaluateFunctionAsync<int>(
            """
            async src => {
              const img = new Image();
              img.src = src;
              await img.decode();
              const canvas = document.createElement('canvas');
              canvas.width = img.width;
              canvas.height = img.height;
              const ctx = canvas.getContext('2d');
              ctx.drawImage(img, 0, 0);
              const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
              const seen = new Set();
              for (let i = 0; i < data.length; i += 4 * 13) seen.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
              return seen.size;
            }
            """,
            "data:image/png;base64," + Convert.ToBase64String(png));

    /// <summary>Relative luminance (0 black … 1 white) of a CSS rgb()/rgba() colour.</summary>
    private static double Luminance(string css)
    {
        var parts = css[(css.IndexOf('(', StringComparison.Ordinal) + 1)..css.IndexOf(')', StringComparison.Ordinal)]
            .Split(',', StringSplitOptions.TrimEntries).Take(3)
            .Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture) / 255).ToArray();
        return (0.2126 * parts[0]) + (0.7152 * parts[1]) + (0.0722 * parts[2]);
    }

    private static void Keep(string name, byte[] png)
    {
        var folder = Environment.GetEnvironmentVariable("ROUNDUP_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name), png);
        }
    }
}
