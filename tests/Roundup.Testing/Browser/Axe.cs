using System.Text.Json;
using PuppeteerSharp;
using Xunit;

namespace Roundup.Testing.Browser;

/// <summary>
/// axe-core, the accessibility engine, from the npm registry (tests/browser/package.json, restored by the
/// Roundup.Web.Tests build with <c>npm ci</c>), run on a page open in Chromium. Absent locally (no npm), the check
/// skips saying so; CI restores it and fails without it.
/// </summary>
public static class Axe
{
    /// <summary>Where the build puts axe-core, found from the test assembly's folder up to the repository.</summary>
    public static string? ScriptPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "browser", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// The violations of impact "serious" or "critical" on <paramref name="page"/> against WCAG 2 A and AA, each as
    /// "rule: help (selectors)"; empty when there are none.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var path = ScriptPath();
        if (path is null)
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail("tests/browser/node_modules/axe-core is missing in CI: the Roundup.Web.Tests build runs npm ci there");
            }

            Assert.Skip("axe-core is not restored (tests/browser: npm ci needs npm, see README Requirements)");
        }

        // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
        await page.EvaluateExpressionAsync(await File.ReadAllTextAsync(path!));
        var json = await page.EvaluateFunctionAsync<string>(
            "async () => JSON.stringify((await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }))" +
            ".violations.filter(v => v.impact === 'serious' || v.impact === 'critical')" +
            ".map(v => v.id + ': ' + v.help + ' (' + v.nodes.map(n => n.target.join(' ')).join(', ') + ')'))");
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }
}
