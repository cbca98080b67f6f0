using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using PuppeteerSharp;
using Roundup.Testing;
using Roundup.Testing.Browser;
using Roundup.Testing.Smtp;

namespace Roundup.Cli.Tests;

/// <summary>
/// What a curator does, end to end, with real processes: an empty folder and its roundup.json, <c>roundup curators
/// add</c>, <c>roundup serve</c>, and then the browser alone: sign in, harvest and select the benchmark week, triage
/// the titles by keyboard (the key presses counted), see the pin and the drop in the next selection (and in
/// <c>roundup explain</c>), write the draft, edit a TL;DR and see an invented number flagged, reorder, import three
/// readers, approve, publish, send to an aiosmtpd server, read the delivery report, and as a reader suggest a
/// correction that the curator publishes. Accessibility (axe-core) and the pages' own complaints (CSP violations,
/// script errors, failed loads) are collected on every main page. With ROUNDUP_SCREENSHOTS naming a folder, the main
/// pages are saved there as PNG screenshots.
/// </summary>
public sealed class DeskEndToEndTests(Chromium chromium) : IDisposable, IClassFixture<Chromium>
{
    private const string Week = "2025-W26";
    private const string Curator = "alice";
    private const string Password = "a long desk password for the end-to-end test";
    private static readonly TimeSpan JobLimit = TimeSpan.FromMinutes(8);

    private readonly TempDirectory _dir = new();
    private readonly List<string> _complaints = [];
    private readonly List<string> _dialogs = [];
    private readonly List<string> _axe = [];
    private readonly string? _screenshots = Environment.GetEnvironmentVariable("ROUNDUP_SCREENSHOTS") is { Length: > 0 } s ? s : null;

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_curator_goes_from_an_empty_folder_to_a_sent_issue_in_the_browser()
    {
        var clock = Stopwatch.StartNew();
        var listings = SharedData.Require("arxiv/listings");
        if (chromium.Browser is null)
        {
            Assert.Skip($"{Chromium.ExecutablePath} is absent; the browser tests need Debian's chromium package (CI installs it)");
        }

        SmtpSink.RequireAvailable();
        await using var sink = await SmtpSink.StartAsync(_dir.File("smtp"));
        var work = _dir.File("desk");
        Directory.CreateDirectory(work);
        await File.WriteAllTextAsync(Path.Combine(work, "roundup.json"), JsonSerializer.Serialize(new
        {
            Harvest = new { Sources = new[] { $"file:{listings}/2025-06-2*.jsonl" } },
            Selection = new { FullText = new { Offline = true } },
            Mail = new
            {
                Sender = "smtp",
                Smtp = new { Host = "127.0.0.1", Port = sink.Port, Security = "None", TimeoutSeconds = 30 },
                Secret = TestMail.Secret,
                From = "Roundup <issues@roundup.example.org>",
                RetryDelaySeconds = 0.05,
            },
            Serve = new { Urls = $"http://127.0.0.1:{FreePort()}" },
        }));

        // 1. The curator's account, then the server.
        var added = await RoundupCli.RunWithInputAsync(work, Password + "\n", "curators", "add", Curator, "--password-stdin");
        Assert.True(added.ExitCode == 0, added.Stderr);
        await using var serve = await ServeProcess.StartAsync(work);
        var desk = new Uri(serve.Url, "desk/");
        Log($"roundup serve listening on {serve.Url}");

        var page = await NewPageAsync();
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });

        // 2. Sign in through the form; harvest and select the week from the desk.
        await page.GoToAsync(new Uri(desk, "sign-in").AbsoluteUri);
        await page.TypeAsync("#name", Curator);
        await page.TypeAsync("#password", Password);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("button[type=submit]"));
        Assert.Equal(desk.AbsoluteUri, page.Url);
        await CheckAsync(page, "home");

        await page.GoToAsync(new Uri(desk, $"week?week={Week}").AbsoluteUri);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("form[action$='week/harvest'] button"));
        await FollowJobAsync(page, "harvest");
        await page.GoToAsync(new Uri(desk, $"week?week={Week}").AbsoluteUri);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("form[action$='week/select'] button"));
        await FollowJobAsync(page, "selection");
        await CheckAsync(page, "job", "job-selection.png");

        await page.GoToAsync(new Uri(desk, $"week?week={Week}").AbsoluteUri);
        Assert.Contains("every announcement day of the week has papers", await TextAsync(page, "#harvest-state"), StringComparison.Ordinal);
        Assert.NotNull(await page.QuerySelectorAsync("figure.funnel svg"));
        await CheckAsync(page, "week", "week.png", clipTo: ".funnel-counts");

        // 3. Triage the title stage by keyboard: every title the page lists walked with j, one stopped paper pinned,
        //    one that went on dropped.
        await page.GoToAsync(new Uri(desk, $"week?week={Week}&stage=title").AbsoluteUri);
        await page.WaitForSelectorAsync("#triage[data-ready=true]");
        var stageHeading = await TextAsync(page, "#stage-heading");
        var rows = await page.EvaluateExpressionAsync<string[][]>(
            "[...document.querySelectorAll('#triage li.paper')].map(li => [li.dataset.paper, li.querySelector('.judgement strong').classList.contains('ok') ? 'advanced' : 'stopped'])");
        var capped = await page.EvaluateExpressionAsync<bool>("[...document.querySelectorAll('section p')].some(p => p.textContent.startsWith('The first '))");
        Log($"title stage: {stageHeading}; the page lists {rows.Length}{(capped ? " (capped by the page: the rest need the filters)" : "")}");
        Assert.True(rows.Length > 100, $"the title stage lists {rows.Length} papers");
        var firstStopped = Array.FindIndex(rows, r => r[1] == "stopped");
        Assert.True(firstStopped > 0, "the listed titles include a stopped paper");
        var pinIndex = firstStopped;
        var dropIndex = Math.Min(9, firstStopped - 1);
        var pinned = rows[pinIndex][0];
        var dropped = rows[dropIndex][0];

        var moves = 0;
        var decisions = 0;
        for (var i = 0; i < rows.Length; i++)
        {
            await page.Keyboard.PressAsync("j");
            moves++;
            if (i == pinIndex)
            {
                await page.Keyboard.PressAsync("p");
                decisions++;
            }
            else if (i == dropIndex)
            {
                await page.Keyboard.PressAsync("d");
                decisions++;
            }

            if (i == 0)
            {
                Assert.Equal($"paper-{rows[0][0].Replace('/', '_')}", await page.EvaluateExpressionAsync<string>("document.activeElement.id"));
            }
        }

        await page.WaitForFunctionAsync("() => document.getElementById('triage').dataset.pending === '0'", new WaitForFunctionOptions { Timeout = 60_000 });
        Assert.Equal($"paper-{rows[^1][0].Replace('/', '_')}", await page.EvaluateExpressionAsync<string>("document.activeElement.id"));
        var words = await page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('#triage li.paper')].map(li => li.dataset.word)");
        Assert.Equal("pin", words[pinIndex]);
        Assert.Equal("drop", words[dropIndex]);
        Assert.Equal(2, words.Count(w => w.Length > 0));
        var presses = moves + decisions;
        Log($"triage of the title stage by keyboard: {moves} titles walked with j + {decisions} decisions (p, d) = {presses} key presses");
        Assert.Equal(rows.Length, moves);
        Assert.Equal(2, decisions);
        Assert.Equal(rows.Length + 2, presses);

        // The triage list with a row selected, for the screenshot: back to the top, the pinned row's neighbourhood in view.
        await page.ReloadAsync();
        await page.WaitForSelectorAsync("#triage[data-ready=true]");
        for (var i = 0; i <= Math.Min(dropIndex, 3); i++)
        {
            await page.Keyboard.PressAsync("j");
        }

        await CheckAsync(page, "triage", "triage.png");

        // The next selection, run from the desk, honours both words: on the paper pages and in `roundup explain`.
        await page.GoToAsync(new Uri(desk, $"week?week={Week}").AbsoluteUri);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("form[action$='week/select'] button"));
        await FollowJobAsync(page, "selection again");

        await page.GoToAsync(new Uri(desk, $"paper/{pinned}?week={Week}").AbsoluteUri);
        var pinnedPath = await TextAsync(page, "ol.path");
        Assert.Contains("advanced: pinned by the curator", pinnedPath, StringComparison.Ordinal);
        Assert.DoesNotContain("stopped", pinnedPath, StringComparison.Ordinal);
        Assert.Equal("pinned", await TextAsync(page, "#paper-word .word-now"));
        await CheckAsync(page, "paper", "paper.png", fullPage: true);
        await page.GoToAsync(new Uri(desk, $"paper/{dropped}?week={Week}").AbsoluteUri);
        var droppedPath = await TextAsync(page, "ol.path");
        Assert.Contains("stopped: dropped by the curator", droppedPath, StringComparison.Ordinal);
        Assert.DoesNotContain("advanced", droppedPath, StringComparison.Ordinal);

        var explainPinned = await RoundupCli.RunAsync(work, "explain", pinned, "--week", Week);
        Assert.True(explainPinned.ExitCode == 0, explainPinned.Stderr);
        Assert.Contains("pinned by the curator", explainPinned.Stdout, StringComparison.Ordinal);
        var explainDropped = await RoundupCli.RunAsync(work, "explain", dropped, "--week", Week);
        Assert.True(explainDropped.ExitCode == 0, explainDropped.Stderr);
        Assert.Contains("dropped by the curator", explainDropped.Stdout, StringComparison.Ordinal);

        // 4. The issue: the draft written as a job; a TL;DR with an invented number flagged as you type; a paper moved down.
        await page.GoToAsync(new Uri(desk, $"issue?week={Week}").AbsoluteUri);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("form[action$='issue/write'] button"));
        await FollowJobAsync(page, "write the draft");
        await page.GoToAsync(new Uri(desk, $"issue?week={Week}").AbsoluteUri);
        var order = await EntryOrderAsync(page);
        Assert.True(order.Length >= 2, $"the draft has {order.Length} papers");
        Assert.Contains(pinned, order);
        Assert.DoesNotContain(dropped, order);

        const string Field = "form.entry-words textarea[name=tldr]";
        await page.EvaluateExpressionAsync($"document.querySelector('{Field}').value = ''");
        await page.TypeAsync(Field, "The method improves accuracy by 87.3% on every benchmark.");
        await page.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('form.entry-words ul.unsupported li')].some(li => li.textContent.includes('87.3'))",
            new WaitForFunctionOptions { Timeout = 30_000 });
        Assert.True(await page.EvaluateExpressionAsync<bool>($"document.querySelector('{Field}').classList.contains('unsupported-claim')"));
        await page.EvaluateExpressionAsync("document.querySelector('form.entry-words ul.unsupported').scrollIntoView({ block: 'end' })");
        await CheckAsync(page, "issue", "issue.png");

        // Reorder: the section's first paper one down (the unsaved TL;DR is left behind, as the page says).
        var firstSectionOrder = await page.EvaluateExpressionAsync<string[]>(
            "[...document.querySelector('article.issue-entry').parentElement.querySelectorAll('form.entry-words')].map(f => f.dataset.paper)");
        Assert.True(firstSectionOrder.Length >= 2, "the first section has two papers to reorder");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("article.issue-entry .arrange button[value=entry-down]"));
        var reordered = await EntryOrderAsync(page);
        Assert.Equal(firstSectionOrder[1], reordered[0]);
        Assert.Equal(firstSectionOrder[0], reordered[1]);
        Log($"reordered: {firstSectionOrder[0]} moved below {firstSectionOrder[1]}");

        var previewUrl = await page.EvaluateExpressionAsync<string>("document.querySelector('a[href*=\\'issue/preview\\']').href");
        var preview = await page.GoToAsync(previewUrl);
        Assert.Equal(HttpStatusCode.OK, preview.Status);

        // 5. Three readers, imported from a CSV by the upload form, active at once by the desk's own box.
        await File.WriteAllLinesAsync(_dir.File("readers.csv"), ["email,name", "ada@mail.example.org,Ada", "grace@mail.example.org,Grace", "edsger@mail.example.org,Edsger"]);
        await page.GoToAsync(new Uri(desk, "readers").AbsoluteUri);
        await (await page.QuerySelectorAsync("#file"))!.UploadFileAsync(_dir.File("readers.csv"));
        await page.ClickAsync("form[action$='readers/import'] input[name=confirmed]");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("form[action$='readers/import'] button[type=submit]"));
        Log($"the import answered {page.Url}: {await TextAsync(page, "main")}");
        await page.GoToAsync(new Uri(desk, "readers").AbsoluteUri);
        Assert.Equal("3", await TextAsync(page, "td[data-status=active]"));

        // 6. Approve, publish (a job), send: the recipient count first, the live totals after, the report last.
        await page.GoToAsync(new Uri(desk, $"issue/send?week={Week}").AbsoluteUri);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("form[action$='issue/approve'] button"));
        Assert.Equal("approved", await TextAsync(page, "#issue-state"));
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("form[action$='issue/publish'] button"));
        await FollowJobAsync(page, "publish");
        await page.GoToAsync(new Uri(desk, $"issue/send?week={Week}").AbsoluteUri);
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("form[action$='issue/send/confirm'] button"));
        Assert.Equal("3", await TextAsync(page, "#recipient-count strong"));
        await CheckAsync(page, "send confirm", "send-confirm.png");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("form[data-confirm] button"));
        Assert.Equal([$"Send {Week} now?"], _dialogs);
        Assert.Contains("/desk/jobs/", page.Url, StringComparison.Ordinal);
        await FollowJobAsync(page, "send");
        var figures = await page.EvaluateExpressionAsync<string[]>(
            "[...document.querySelectorAll('#job-figures div')].map(d => d.querySelector('dt').textContent + '=' + d.querySelector('dd').textContent)");
        Assert.Equal(["sent=3", "deferred=0", "failed=0", "suppressed=0", "waiting=0"], figures);
        await CheckAsync(page, "send job", "job-send.png");

        var delivered = sink.MessageFiles().Select(f => MimeKit.MimeMessage.Load(f).To.Mailboxes.Single().Address).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["ada@mail.example.org", "edsger@mail.example.org", "grace@mail.example.org"], delivered);

        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync("#job-result a"));
        Assert.Equal("3", await TextAsync(page, "td[data-state=sent]"));
        await page.GoToAsync(new Uri(desk, "readers").AbsoluteUri);
        await CheckAsync(page, "readers", "readers.png", fullPage: true);
        Assert.Contains(Week, await TextAsync(page, "main"), StringComparison.Ordinal);

        // 7. A reader, signed out, suggests a correction on the archive page that roundup serve publishes.
        var archive = new Uri(serve.Url, $"issues/{Week}.html");
        var reader = await chromium.Browser!.CreateBrowserContextAsync();
        var readerPage = await WatchAsync(await reader.NewPageAsync());
        await readerPage.SetCacheEnabledAsync(false);
        await readerPage.GoToAsync(archive.AbsoluteUri);
        var entry = await readerPage.EvaluateExpressionAsync<string>("document.querySelector('details.suggest').closest('[id]').id");
        await readerPage.ClickAsync($"#{entry} details.suggest summary");
        await readerPage.TypeAsync($"#fix-{entry}", "The TL;DR overstates the gain: the paper reports it on one benchmark only.");
        await Task.WhenAll(readerPage.WaitForNavigationAsync(), readerPage.ClickAsync($"#{entry} details.suggest button[type=submit]"));
        Assert.Equal("Thank you", await TextAsync(readerPage, "h1"));

        await page.GoToAsync(new Uri(desk, "corrections").AbsoluteUri);
        var suggestion = await page.EvaluateExpressionAsync<string>("document.querySelector('article.suggestion').id");
        await CheckAsync(page, "corrections", "corrections.png", fullPage: true);
        await page.EvaluateExpressionAsync($"document.querySelector('#{suggestion} textarea[name=text]').value = ''");
        await page.TypeAsync($"#{suggestion} textarea[name=text]", "The gain is reported on one benchmark only.");
        await Task.WhenAll(page.WaitForNavigationAsync(), page.ClickAsync($"#{suggestion} .erratum-form button[type=submit]"));
        Assert.Contains("No suggestion is waiting.", await page.EvaluateExpressionAsync<string>("document.body.innerText"), StringComparison.Ordinal);

        await readerPage.GoToAsync(archive.AbsoluteUri);
        Assert.Contains("The gain is reported on one benchmark only.", await TextAsync(readerPage, $"#{entry} .correction"), StringComparison.Ordinal);
        await reader.CloseAsync();

        // 8. Nothing complained, and axe-core found nothing serious on the main pages.
        Log($"done in {clock.Elapsed.TotalSeconds:0} s");
        Assert.True(_axe.Count == 0, string.Join("\n", _axe));
        Assert.Empty(_complaints);

        var stopped = await serve.StopAsync();
        Assert.True(stopped.ExitCode == 0, stopped.Stderr);
        Assert.DoesNotContain("@mail.example.org", stopped.Stderr, StringComparison.Ordinal);
    }

    private static void Log(string line)
    {
        TestContext.Current.SendDiagnosticMessage("{0}", line);
        TestContext.Current.TestOutputHelper?.WriteLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task<string> TextAsync(IPage page, string selector) =>
        page.EvaluateFunctionAsync<string>("s => { const e = document.querySelector(s); return e ? e.textContent.trim() : 'missing: ' + s; }", selector);

    private static Task<string[]> EntryOrderAsync(IPage page) =>
        page.EvaluateExpressionAsync<string[]>("[...document.querySelectorAll('form.entry-words')].map(f => f.dataset.paper)");

    /// <summary>A page (in the curator's context) whose dialogs are accepted and recorded, and whose complaints are gathered.</summary>
    private async Task<IPage> NewPageAsync()
    {
        var page = await chromium.Browser!.NewPageAsync();
        page.Dialog += async (_, e) =>
        {
            _dialogs.Add(e.Dialog.Message);
            await e.Dialog.Accept();
        };
        return await WatchAsync(page);
    }

    private async Task<IPage> WatchAsync(IPage page)
    {
        var url = () => page.Url;
        page.PageError += (_, e) => _complaints.Add($"{url()}: {e.Message}");
        page.Console += (_, e) =>
        {
            if (e.Message.Type is ConsoleType.Error && !e.Message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                _complaints.Add($"{url()}: {e.Message.Text}");
            }
        };
        page.Response += (_, e) =>
        {
            if ((int)e.Response.Status >= 400 && !e.Response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal))
            {
                _complaints.Add($"{e.Response.Status} {e.Response.Url}");
            }
        };
        page.RequestFailed += (_, e) => _complaints.Add($"failed load {e.Request.Url}: {e.Request.FailureText}");
        await page.EvaluateExpressionOnNewDocumentAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI))");
        await page.SetViewportAsync(new ViewPortOptions { Width = 1280, Height = 900 });
        return page;
    }

    /// <summary>Waits, on a job page, for jobs.js to report the job done; a failed job fails the test with its lines.</summary>
    private static async Task FollowJobAsync(IPage page, string what)
    {
        Assert.Contains("/desk/jobs/", page.Url, StringComparison.Ordinal);
        var started = Stopwatch.StartNew();
        await page.WaitForFunctionAsync(
            "() => ['succeeded', 'failed', 'cancelled'].includes(document.getElementById('job-state').dataset.state)",
            new WaitForFunctionOptions { Timeout = (int)JobLimit.TotalMilliseconds, PollingInterval = 500 });
        var state = await page.EvaluateExpressionAsync<string>("document.getElementById('job-state').dataset.state");
        var lines = await TextAsync(page, "#job-lines");
        Log($"job {what}: {state} in {started.Elapsed.TotalSeconds:0.0} s");
        Assert.True(state == "succeeded", $"{what}: {state}\n{lines}");
    }

    /// <summary>axe-core's serious violations on a main page, collected; a screenshot when ROUNDUP_SCREENSHOTS asks.</summary>
    private async Task CheckAsync(IPage page, string name, string? screenshot = null, bool fullPage = false, string? clipTo = null)
    {
        if (Axe.ScriptPath() is not null || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            _axe.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{name}: {v}"));
        }
        else
        {
            Log($"axe-core is not restored: the accessibility check of {name} was not run");
        }

        if (_screenshots is not null && screenshot is not null)
        {
            Directory.CreateDirectory(_screenshots);
            var options = new ScreenshotOptions { FullPage = fullPage, Type = ScreenshotType.Png };
            if (clipTo is not null)
            {
                // From the top of the page to the bottom of the element (the week: completeness and the funnel).
                var bottom = await page.EvaluateFunctionAsync<decimal>("s => document.querySelector(s).getBoundingClientRect().bottom + window.scrollY + 16", clipTo);
                options = new ScreenshotOptions { Type = ScreenshotType.Png, CaptureBeyondViewport = true, Clip = new PuppeteerSharp.Media.Clip { X = 0, Y = 0, Width = 1280, Height = bottom } };
            }

            await page.ScreenshotAsync(Path.Combine(_screenshots, screenshot), options);
        }
    }

    /// <summary><c>roundup serve</c> as its own process, on the address roundup.json gives it.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _stdout;
        private readonly Task<string> _stderr;

        private ServeProcess(Process process, Task<string> stdout, Task<string> stderr, Uri url)
        {
            _process = process;
            _stdout = stdout;
            _stderr = stderr;
            Url = url;
        }

        public Uri Url { get; }

        public static async Task<ServeProcess> StartAsync(string workingDirectory)
        {
            var process = RoundupCli.Start(workingDirectory, null, "serve");
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            if (line is null || !line.StartsWith("listening on ", StringComparison.Ordinal))
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
                var error = await stderr;
                process.Dispose();
                Assert.Fail($"roundup serve did not start: {line} {error}");
            }

            return new ServeProcess(process, process.StandardOutput.ReadToEndAsync(), stderr, new Uri(line["listening on ".Length..]));
        }

        /// <summary>Sends SIGTERM, as a service manager would, and waits for the process to end.</summary>
        public async Task<RoundupCli.Result> StopAsync()
        {
            using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(timeout.Token);
            return new RoundupCli.Result(_process.ExitCode, await _stdout, await _stderr);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }

            _process.Dispose();
        }
    }
}
