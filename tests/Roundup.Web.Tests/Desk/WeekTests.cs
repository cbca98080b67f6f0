using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Roundup.Application.Settings;
using Roundup.Arxiv.FullText;
using Roundup.Calendar;
using Roundup.Harvesting;
using Roundup.Papers;
using Roundup.Selection;
using Roundup.Testing;
using Roundup.Web.Desk.Jobs;

namespace Roundup.Web.Tests.Desk;

/// <summary>The week at the desk (issue 14, parts 2 and 3), over real Kestrel and SQLite: completeness, the funnel, filters, a paper's page, pin, drop, undo, and the harvest and selection jobs.</summary>
public sealed class WeekTests : IAsyncLifetime
{
    private static readonly IssueWeek W26 = new(2025, 26);
    private static readonly SelectionKey Key = SelectionKey.ForWeek(W26);
    private DeskSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await DeskSite.StartAsync(WeekOptions);

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    /// <summary>The desk's options with the harvest reading the small listing the tests write, in two categories, and nothing fetched.</summary>
    private static RoundupOptions WeekOptions(TempDirectory dir)
    {
        var options = DeskSite.DefaultOptions(dir);
        return new RoundupOptions
        {
            Store = options.Store,
            Publish = options.Publish,
            Mail = options.Mail,
            Serve = options.Serve,
            Harvest = new HarvestOptions { Sources = [$"file:{dir.File("2025-06-23.jsonl")}"], Categories = ["cs.LG", "cs.CL"] },
            Selection = new SelectionOptions
            {
                FullTextDir = options.Selection.FullTextDir,
                TasteModel = options.Selection.TasteModel,
                Profile = options.Selection.Profile,
                FullText = new FullTextFetchOptions { Offline = true },
            },
        };
    }

    [Fact]
    public async Task The_week_shows_the_funnel_and_a_stages_papers_filtered_with_paper_text_kept_as_text()
    {
        var ct = TestContext.Current.CancellationToken;
        var hostile = new Paper { Id = ArxivId.Parse("2506.20001"), Title = "<script>alert(1)</script> Attention sinks", Abstract = "A.", Authors = ["Ada <b>Lovelace</b>"], Categories = ["cs.LG"] };
        var plain = new Paper { Id = ArxivId.Parse("2506.20002"), Title = "A plain title", Abstract = "B.", Authors = ["Alan Turing"], Categories = ["cs.CL"] };
        await _site.Store.Harvest.SavePageAsync("test", "k", [new HarvestedPaper(hostile, new DateOnly(2025, 6, 23), AnnounceType.New), new HarvestedPaper(plain, new DateOnly(2025, 6, 24), AnnounceType.New)], null, ct);
        await _site.Store.Selection.SaveStageAsync(Key, new StageRun("title", 1, "h", 2, 1, 0, 0.1, ScorerUsage.None),
        [
            new Judgement("title", hostile.Id, 0.9, 1, true, "went on: rank 1 of 2", [new Contribution(0.25, "speed claim: '3.2x faster'")], ["taste"]),
            new Judgement("title", plain.Id, 0.2, 2, false, "stopped: below the stage's budget", [], ["taste"]),
        ], ct);

        using var signedOut = await _site.GetAsync("week?week=2025-W26");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        await _site.SignInAsync();
        var page = await _site.GetStringAsync("week?week=2025-W26&stage=title");
        Assert.Contains(">title</a></td><td>2</td><td>1</td>", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        Assert.Contains("2 → 1", page, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Attention sinks", page, StringComparison.Ordinal);
        Assert.Contains("Ada &lt;b&gt;Lovelace&lt;/b&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("went on: rank 1 of 2", page, StringComparison.Ordinal);
        Assert.Contains("&#x2B;0.25 speed claim: &#x27;3.2x faster&#x27;", page, StringComparison.Ordinal);

        var stopped = await _site.GetStringAsync("week?week=2025-W26&stage=title&decision=stopped");
        Assert.Contains("A plain title", stopped, StringComparison.Ordinal);
        Assert.DoesNotContain("Attention sinks", stopped, StringComparison.Ordinal);
        var found = await _site.GetStringAsync("week?week=2025-W26&stage=title&q=turing");
        Assert.Contains("title: 1 papers", found, StringComparison.Ordinal);
        Assert.Contains("A plain title", found, StringComparison.Ordinal);

        var computation = await _site.GetStringAsync("week?week=2025-W26&stage=title&category=cs.CL");
        Assert.Contains("title: 1 papers", computation, StringComparison.Ordinal);
        Assert.Contains("A plain title", computation, StringComparison.Ordinal);
        Assert.DoesNotContain("Attention sinks", computation, StringComparison.Ordinal);
        Assert.Contains("<option value=\"cs.CL\" selected>", computation, StringComparison.Ordinal);
        var learning = await _site.GetStringAsync("week?week=2025-W26&stage=title&category=cs.LG");
        Assert.Contains("Attention sinks", learning, StringComparison.Ordinal);
        Assert.DoesNotContain("A plain title", learning, StringComparison.Ordinal);

        using var bad = await _site.GetAsync("week?week=next-week");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("is not an ISO week", await bad.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Least_sure_first_lists_the_papers_nearest_the_stages_cut_first_beside_rank_order()
    {
        var ct = TestContext.Current.CancellationToken;
        double[] scores = [0.95, 0.64, 0.58, 0.45];
        var papers = scores.Select((_, i) => new Paper { Id = ArxivId.Parse($"2506.5000{i + 1}"), Title = $"Paper ranked {i + 1}", Categories = ["cs.LG"] }).ToList();
        await _site.Store.Harvest.SavePageAsync("test", "k", [.. papers.Select(p => new HarvestedPaper(p, new DateOnly(2025, 6, 23), AnnounceType.New))], null, ct);
        await _site.Store.Selection.SaveStageAsync(Key, new StageRun("abstract", 2, "h", 4, 2, 0, 0, ScorerUsage.None),
            [.. papers.Select((p, i) => new Judgement("abstract", p.Id, scores[i], i + 1, i < 2, i < 2 ? "advanced" : "stopped", [], ["taste"]))], ct);
        await _site.SignInAsync();

        var byRank = await _site.GetStringAsync("week?week=2025-W26&stage=abstract");
        var unsure = await _site.GetStringAsync("week?week=2025-W26&stage=abstract&order=unsure");

        Assert.Equal(["1", "2", "3", "4"], Ranked(byRank));
        Assert.Equal(["2", "3", "4", "1"], Ranked(unsure));
        Assert.Contains("The stage&#x27;s cut lies at score 0.610", unsure, StringComparison.Ordinal);
        Assert.Contains("<option value=\"unsure\" selected>least sure first</option>", unsure, StringComparison.Ordinal);
    }

    private static string[] Ranked(string page) =>
        [.. System.Text.RegularExpressions.Regex.Matches(page, ">Paper ranked (\\d)<").Select(m => m.Groups[1].Value)];

    [Fact]
    public async Task Completeness_counts_each_listing_date_by_category_and_marks_the_announcement_days_without_papers_missing()
    {
        var ct = TestContext.Current.CancellationToken;
        Paper P(int n, params string[] categories) => new() { Id = ArxivId.Parse($"2506.{n:D5}"), Title = $"Paper {n}", Categories = categories };
        await _site.Store.Harvest.SavePageAsync("file", "k",
        [
            new HarvestedPaper(P(1, "cs.LG"), new DateOnly(2025, 6, 23), AnnounceType.New),
            new HarvestedPaper(P(2, "cs.CL", "cs.LG"), new DateOnly(2025, 6, 23), AnnounceType.New),
            new HarvestedPaper(P(3, "cs.CL"), new DateOnly(2025, 6, 24), AnnounceType.New),
            new HarvestedPaper(P(4, "cs.LG"), new DateOnly(2025, 6, 26), AnnounceType.New),
            new HarvestedPaper(P(5, "cs.LG"), new DateOnly(2025, 6, 27), AnnounceType.New),
        ], null, ct);
        await _site.SignInAsync();

        var page = await _site.GetStringAsync("week?week=2025-W26");

        Assert.Contains("5 papers harvested; 1 of the week&#x27;s listing dates have none: Wed 2025-06-25.", page, StringComparison.Ordinal);
        Assert.Contains("<tr class=\"missing\"><th scope=\"row\">Wed 2025-06-25</th><td>0</td><td>0</td><td>0</td><td>missing</td></tr>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">Mon 2025-06-23</th><td>2</td><td>2</td><td>1</td><td>harvested</td>", page, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">cs.LG</th><th scope=\"col\">cs.CL</th>", page, StringComparison.Ordinal);
        Assert.Contains("No selection is stored for this week yet", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_papers_page_shows_its_abstract_its_path_its_full_texts_facts_and_links_with_stored_text_kept_as_text()
    {
        var ct = TestContext.Current.CancellationToken;
        var id = ArxivId.Parse("2506.30001");
        var paper = new Paper { Id = id, Title = "Fast <script>alert('t')</script> sparse attention", Abstract = "We show <script>alert('a')</script> speedups.", Authors = ["Grace <i>Hopper</i>"], Categories = ["cs.LG"] };
        await _site.Store.Harvest.SavePageAsync("test", "k", [new HarvestedPaper(paper, new DateOnly(2025, 6, 23), AnnounceType.New)], null, ct);
        await _site.Store.Selection.SaveStageAsync(Key, new StageRun("title", 1, "h", 1, 1, 0, 0, ScorerUsage.None),
            [new Judgement("title", id, 0.8, 1, true, "advanced: rank 1 of 1 <b>kept</b>", [new Contribution(0.3, "speed claim: '<script>'")], ["taste"])], ct);
        await _site.Store.Selection.SaveStageAsync(Key, new StageRun("abstract", 2, "h", 1, 0, 0, 0, ScorerUsage.None),
            [new Judgement("abstract", id, 0.1, 1, false, "stopped: below the stage's budget", [], ["taste"])], ct);
        Directory.CreateDirectory(_site.Dir.File("fulltext"));
        await File.WriteAllTextAsync(_site.Dir.File("fulltext/2506.30001.tex"), """
            \documentclass{article}
            \title{Fast sparse attention}
            \begin{document}
            \maketitle
            \begin{abstract}We show speedups.\end{abstract}
            \section{Introduction}
            We propose SparseFlash, a kernel for sparse attention. SparseFlash is 3.2x faster than FlashAttention on the Long Range Arena benchmark.
            \section{Results}
            On ImageNet, SparseFlash reaches 81.5\% top-1 accuracy.
            \end{document}
            """, ct);
        await _site.SignInAsync();

        var page = await _site.GetStringAsync("paper/2506.30001?week=2025-W26");

        Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        Assert.Contains("Fast &lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt; sparse attention", page, StringComparison.Ordinal);
        Assert.Contains("We show &lt;script&gt;alert(&#x27;a&#x27;)&lt;/script&gt; speedups.", page, StringComparison.Ordinal);
        Assert.Contains("Grace &lt;i&gt;Hopper&lt;/i&gt;", page, StringComparison.Ordinal);
        Assert.Contains("<strong>title</strong>: advanced: rank 1 of 1 &lt;b&gt;kept&lt;/b&gt; (score 0.800, rank 1)", page, StringComparison.Ordinal);
        Assert.Contains("&#x2B;0.30 speed claim: &#x27;&lt;script&gt;&#x27;", page, StringComparison.Ordinal);
        Assert.Contains("<strong>abstract</strong>: stopped: below the stage&#x27;s budget", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://arxiv.org/abs/2506.30001\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"https://arxiv.org/pdf/2506.30001\"", page, StringComparison.Ordinal);
        Assert.Contains("Read from 2506.30001.tex", page, StringComparison.Ordinal);
        Assert.Contains("3.2x faster", page, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Pin 2506.30001\"", page, StringComparison.Ordinal);

        // No file in the folder: nothing is fetched, the page says so.
        var other = new Paper { Id = ArxivId.Parse("2506.30002"), Title = "No full text", Categories = ["cs.LG"] };
        await _site.Store.Harvest.SavePageAsync("test", "k2", [new HarvestedPaper(other, new DateOnly(2025, 6, 23), AnnounceType.New)], null, ct);
        Assert.Contains("The full-text folder has no file for this paper yet", await _site.GetStringAsync("paper/2506.30002?week=2025-W26"), StringComparison.Ordinal);
        using var unknown = await _site.GetAsync("paper/2506.39999?week=2025-W26");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var bad = await _site.GetAsync("paper/not-an-id?week=2025-W26");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_pin_and_a_drop_from_the_week_are_stored_as_the_curators_decisions_and_need_the_forms_token()
    {
        var ct = TestContext.Current.CancellationToken;
        var paper = new Paper { Id = ArxivId.Parse("2506.20003"), Title = "Worth a pin", Abstract = "C.", Authors = ["Ada Lovelace"], Categories = ["cs.LG"] };
        await _site.Store.Harvest.SavePageAsync("test", "k", [new HarvestedPaper(paper, new DateOnly(2025, 6, 23), AnnounceType.New)], null, ct);
        await _site.Store.Selection.SaveStageAsync(Key, new StageRun("title", 1, "h", 1, 0, 0, 0.1, ScorerUsage.None),
            [new Judgement("title", paper.Id, 0.1, 1, false, "stopped: below the stage's budget", [], ["taste"])], ct);
        await _site.SignInAsync();
        var page = await _site.GetStringAsync("week?week=2025-W26&stage=title");
        Assert.Contains("aria-label=\"Pin 2506.20003\"", page, StringComparison.Ordinal);

        using var forged = await _site.PostAsync("decide", null, ("week", "2025-W26"), ("paper", "2506.20003"), ("kind", "pin"));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Empty(await _site.Store.Selection.GetDecisionsAsync(Key, ct));

        using var pinned = await _site.PostAsync("decide", page, ("week", "2025-W26"), ("paper", "2506.20003"), ("stage", "title"), ("kind", "pin"), ("return", "https://evil.example/"));
        Assert.Equal(HttpStatusCode.SeeOther, pinned.StatusCode);
        Assert.Equal("/roundup/desk/week?week=2025-W26&stage=title", pinned.Headers.Location?.OriginalString);
        Assert.Equal(DecisionKind.Pin, Assert.Single(await _site.Store.Selection.GetDecisionsAsync(Key, ct)).Kind);
        Assert.Contains(">pinned</button>", await _site.GetStringAsync("week?week=2025-W26&stage=title"), StringComparison.Ordinal);

        using var dropped = await _site.PostAsync("decide", page, ("week", "2025-W26"), ("paper", "2506.20003"), ("stage", "title"), ("kind", "drop"));
        Assert.Equal(DecisionKind.Drop, Assert.Single(await _site.Store.Selection.GetDecisionsAsync(Key, ct)).Kind);

        using var nonsense = await _site.PostAsync("decide", page, ("week", "2025-W26"), ("paper", "2506.20003"), ("kind", "maybe"));
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
        Assert.Equal(DecisionKind.Drop, Assert.Single(await _site.Store.Selection.GetDecisionsAsync(Key, ct)).Kind);
    }

    [Fact]
    public async Task Undo_removes_the_curators_word_as_a_plain_form_and_through_the_scripts_fetch()
    {
        var ct = TestContext.Current.CancellationToken;
        var paper = new Paper { Id = ArxivId.Parse("2506.20004"), Title = "Undecided", Categories = ["cs.LG"] };
        await _site.Store.Harvest.SavePageAsync("test", "k", [new HarvestedPaper(paper, new DateOnly(2025, 6, 23), AnnounceType.New)], null, ct);
        await _site.Store.Selection.SaveStageAsync(Key, new StageRun("title", 1, "h", 1, 0, 0, 0.1, ScorerUsage.None),
            [new Judgement("title", paper.Id, 0.1, 1, false, "stopped: below the stage's budget", [], ["taste"])], ct);
        await _site.SignInAsync();
        var page = await _site.GetStringAsync("week?week=2025-W26&stage=title");
        Assert.Contains("aria-label=\"Undo your word on 2506.20004\" hidden", page, StringComparison.Ordinal);

        using var pinned = await _site.PostAsync("decide", page, ("week", "2025-W26"), ("paper", "2506.20004v2"), ("kind", "pin"));
        Assert.Single(await _site.Store.Selection.GetDecisionsAsync(Key, ct));
        var after = await _site.GetStringAsync("week?week=2025-W26&stage=title");
        Assert.DoesNotContain("aria-label=\"Undo your word on 2506.20004\" hidden", after, StringComparison.Ordinal);
        using var undone = await _site.PostAsync("undo", after, ("week", "2025-W26"), ("paper", "2506.20004"), ("return", "/roundup/desk/paper/2506.20004?week=2025-W26"));
        Assert.Equal(HttpStatusCode.SeeOther, undone.StatusCode);
        Assert.Equal("/roundup/desk/paper/2506.20004?week=2025-W26", undone.Headers.Location?.OriginalString);
        Assert.Empty(await _site.Store.Selection.GetDecisionsAsync(Key, ct));

        // The script's way: the token in the header, JSON back, no redirect.
        using var drop = new HttpRequestMessage(HttpMethod.Post, new Uri(_site.Desk, "decide")) { Content = DeskSite.Form(null, ("week", "2025-W26"), ("paper", "2506.20004"), ("kind", "drop")) };
        drop.Headers.Add("X-Desk-Form", DeskSite.FormToken(after));
        using var dropped = await _site.Client.SendAsync(drop, ct);
        Assert.Equal(HttpStatusCode.OK, dropped.StatusCode);
        using (var json = JsonDocument.Parse(await dropped.Content.ReadAsStringAsync(ct)))
        {
            Assert.Equal("drop", json.RootElement.GetProperty("decision").GetString());
        }

        Assert.Equal(DecisionKind.Drop, Assert.Single(await _site.Store.Selection.GetDecisionsAsync(Key, ct)).Kind);
        using var undo = new HttpRequestMessage(HttpMethod.Post, new Uri(_site.Desk, "undo")) { Content = DeskSite.Form(null, ("week", "2025-W26"), ("paper", "2506.20004")) };
        undo.Headers.Add("X-Desk-Form", DeskSite.FormToken(after));
        using var undid = await _site.Client.SendAsync(undo, ct);
        Assert.Equal(HttpStatusCode.OK, undid.StatusCode);
        Assert.Empty(await _site.Store.Selection.GetDecisionsAsync(Key, ct));
    }

    [Fact]
    public async Task Harvest_and_selection_run_as_desk_jobs_and_a_pin_made_at_the_desk_advances_in_the_next_selection()
    {
        var ct = TestContext.Current.CancellationToken;
        await File.WriteAllLinesAsync(_site.Dir.File("2025-06-23.jsonl"), Enumerable.Range(1, 12).Select(n => Line(n, n % 3 == 0 ? "cs.CL" : "cs.LG")), ct);
        var page = await _site.SignInAsync();
        var week = await _site.GetStringAsync("week?week=2025-W26");
        Assert.Contains("0 papers harvested", week, StringComparison.Ordinal);

        await RunJobAsync(await _site.PostAsync("week/harvest", week, ("week", "2025-W26")));
        week = await _site.GetStringAsync("week?week=2025-W26");
        Assert.Contains("12 papers harvested; 3 of the week&#x27;s listing dates have none", week, StringComparison.Ordinal);
        Assert.Empty(await _site.Store.Selection.GetStageRunsAsync(Key, ct));

        var job = await RunJobAsync(await _site.PostAsync("week/select", week, ("week", "2025-W26")));
        Assert.Equal("/roundup/desk/week?week=2025-W26", job.ResultUrl);
        var title = await _site.Store.Selection.GetJudgementsAsync(Key, "title", ct);
        Assert.Equal(12, title.Count);
        var stoppedBefore = title.First(j => !j.Advanced).Paper;
        var advancedBefore = title.First(j => j.Advanced).Paper;
        Assert.Contains(">title</a></td><td>12</td>", await _site.GetStringAsync("week?week=2025-W26"), StringComparison.Ordinal);

        week = await _site.GetStringAsync("week?week=2025-W26&stage=title");
        using (await _site.PostAsync("decide", week, ("week", "2025-W26"), ("paper", stoppedBefore.Canonical), ("kind", "pin"))) { }
        using (await _site.PostAsync("decide", week, ("week", "2025-W26"), ("paper", advancedBefore.Canonical), ("kind", "drop"))) { }
        await RunJobAsync(await _site.PostAsync("week/select", week, ("week", "2025-W26")));

        var after = await _site.Store.Selection.GetJudgementsAsync(Key, "title", ct);
        var pinned = Assert.Single(after, j => j.Paper == stoppedBefore);
        Assert.True(pinned.Advanced);
        Assert.Contains("pinned", pinned.Decision, StringComparison.Ordinal);
        // The drop: the paper goes on from no stage (the funnel leaves it out of the title stage's ranking).
        Assert.DoesNotContain(await _site.Store.Selection.GetJudgementsAsync(Key, cancellationToken: ct), j => j.Paper == advancedBefore && j.Advanced);
        var path = await _site.GetStringAsync($"paper/{stoppedBefore.Canonical}?week=2025-W26");
        Assert.Contains("pinned by the curator", path, StringComparison.Ordinal);
    }

    private async Task<DeskJob> RunJobAsync(HttpResponseMessage started)
    {
        using (started)
        {
            Assert.Equal(HttpStatusCode.SeeOther, started.StatusCode);
            var location = started.Headers.Location!.OriginalString;
            Assert.StartsWith("/roundup/desk/jobs/", location, StringComparison.Ordinal);
            var job = _site.Server.Services.GetRequiredService<DeskJobs>().Get(int.Parse(location["/roundup/desk/jobs/".Length..], CultureInfo.InvariantCulture))!;
            for (var i = 0; i < 1500 && !job.IsDone; i++)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }

            Assert.True(job.State == JobState.Succeeded, $"the job ended {job.State}: {string.Join(" | ", job.Lines())}");
            return job;
        }
    }

    private static string Line(int n, string category) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["arxiv_id"] = string.Create(CultureInfo.InvariantCulture, $"2506.{n:D5}"),
        ["listing_date"] = n <= 6 ? "2025-06-23" : "2025-06-24",
        ["title"] = n % 2 == 0 ? $"Faster sparse attention for large language models, part {n}" : $"A survey of graph kernels, part {n}",
        ["abstract"] = n % 2 == 0 ? "We propose a kernel that is 3x faster than FlashAttention on long contexts, with code released." : "We review kernels on graphs.",
        ["authors"] = new[] { $"Author {n}" },
        ["primary_category"] = category,
        ["categories"] = new[] { category },
        ["abs_url"] = string.Create(CultureInfo.InvariantCulture, $"https://arxiv.org/abs/2506.{n:D5}"),
    });
}
