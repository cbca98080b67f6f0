using PuppeteerSharp;
using Xunit;

namespace Roundup.Testing.Browser;

/// <summary>
/// Debian's headless Chromium, launched once for the test class. Nothing is downloaded: when /usr/bin/chromium is
/// absent the browser tests skip, saying so (CI installs it).
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public IBrowser? Browser { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            Headless = true,
            ExecutablePath = ExecutablePath,
            Args = ["--no-sandbox", "--disable-gpu"],
        });
    }

    /// <summary>A new page that fails the test if any script opens a dialog (an injected alert would).</summary>
    public async Task<IPage> NewPageAsync(List<string> dialogs)
    {
        if (Browser is null)
        {
            Assert.Skip($"{ExecutablePath} is absent; the browser tests need Debian's chromium package (CI installs it)");
        }

        var page = await Browser.NewPageAsync();
        page.Dialog += async (_, e) =>
        {
            dialogs.Add(e.Dialog.Message);
            await e.Dialog.Dismiss();
        };
        await page.SetViewportAsync(new ViewPortOptions { Width = 760, Height = 900 });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
            await Browser.DisposeAsync();
        }
    }
}
