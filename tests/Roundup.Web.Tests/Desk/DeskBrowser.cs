using PuppeteerSharp;
using Roundup.Testing.Browser;

namespace Roundup.Web.Tests.Desk;

/// <summary>A Chromium page on a <see cref="DeskSite"/>: signed in through the sign-in form, policy violations and script errors collected.</summary>
public static class DeskBrowser
{
    /// <summary>A page signed in as alice; <paramref name="complaints"/> gathers CSP violations, script errors and failed loads.</summary>
    public static async Task<IPage> SignedInPageAsync(Chromium chromium, DeskSite site, List<string> complaints, List<string> dialogs)
    {
        var page = await WatchedPageAsync(chromium, complaints, dialogs);
        await SignInAsync(page, site);
        return page;
    }

    /// <summary>
    /// A new page whose CSP violations, script errors and console errors go to <paramref name="complaints"/>; with
    /// <paramref name="warnings"/> console warnings too, with <paramref name="failedLoads"/> any answer of 400 or more
    /// (but the favicon's).
    /// </summary>
    public static async Task<IPage> WatchedPageAsync(Chromium chromium, List<string> complaints, List<string> dialogs, bool warnings = false, bool failedLoads = true)
    {
        var page = await chromium.NewPageAsync(dialogs);
        page.PageError += (_, e) => complaints.Add(e.Message);
        page.Console += (_, e) =>
        {
            if ((e.Message.Type is ConsoleType.Error || (warnings && e.Message.Type is ConsoleType.Warning))
                && !e.Message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                complaints.Add(e.Message.Text);
            }
        };
        if (failedLoads)
        {
            page.Response += (_, e) =>
            {
                if ((int)e.Response.Status >= 400 && !e.Response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
                {
                    complaints.Add($"{e.Response.Status} {e.Response.Url}");
                }
            };
        }

        await page.EvaluateExpressionOnNewDocumentAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))");
        return page;
    }

    /// <summary>Signs <paramref name="page"/> in as alice through the desk's sign-in form.</summary>
    public static async Task SignInAsync(IPage page, DeskSite site)
    {
        await page.GoToAsync(new Uri(site.Desk, "sign-in").AbsoluteUri);
        await page.TypeAsync("#name", DeskSite.Curator);
        await page.TypeAsync("#password", DeskSite.Password);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("button[type=submit]"));
    }
}
