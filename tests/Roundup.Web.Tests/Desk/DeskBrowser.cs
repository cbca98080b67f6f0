using PuppeteerSharp;
using Roundup.Testing.Browser;

namespace Roundup.Web.Tests.Desk;

/// <summary>A Chromium page on a <see cref="DeskSite"/>: signed in through the sign-in form, policy violations and script errors collected.</summary>
public static class DeskBrowser
{
    /// <summary>A page signed in as alice; <paramref name="complaints"/> gathers CSP violations, script errors and failed loads.</summary>
    public static async Task<IPage> SignedInPageAsync(Chromium chromium, DeskSite site, List<string> complaints, List<string> dialogs)
    {
        var page = await chromium.NewPageAsync(dialogs);
        page.PageError += (_, e) => complaints.Add(e.Message);
        page.Console += (_, e) =>
        {
            if (e.Message.Type is ConsoleType.Error && !e.Message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
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
        await page.EvaluateExpressionOnNewDocumentAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))");
        await page.GoToAsync(new Uri(site.Desk, "sign-in").AbsoluteUri);
        await page.TypeAsync("#name", DeskSite.Curator);
        await page.TypeAsync("#password", DeskSite.Password);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("button[type=submit]"));
        return page;
    }
}
