using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Roundup.Application.Distributing;
using Roundup.Delivery;
using Roundup.Papers;
using Roundup.Profiles;
using Roundup.Web.Desk.Jobs;
using Roundup.Writing.Pipeline;
using Roundup.Writing.Writers;

namespace Roundup.Web.Tests.Desk;

/// <summary>Background work from the desk: queued by a request, followed on its page, its host's Roundup logs as its lines.</summary>
public sealed class DeskJobsTests : IAsyncLifetime
{
    private DeskSite _site = null!;

    public async ValueTask InitializeAsync() => _site = await DeskSite.StartAsync();

    public async ValueTask DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task A_job_runs_in_the_background_one_at_a_time_and_its_lines_and_state_reach_its_page()
    {
        var jobs = _site.Server.Services.GetRequiredService<DeskJobs>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = jobs.Start("Wait for the test", "alice", async (job, host, ct) =>
        {
            job.Report("waiting");
            await release.Task.WaitAsync(ct);
            job.ResultUrl = "/roundup/desk/week";
        });
        var second = jobs.Start("Fail", "alice", (job, host, ct) => throw new InvalidOperationException("the harvest found no source"));
        await _site.SignInAsync();

        var page = await _site.GetStringAsync($"jobs/{first.Id}");
        Assert.Contains("Wait for the test", page, StringComparison.Ordinal);
        Assert.Contains("assets/jobs.js", page, StringComparison.Ordinal);
        Assert.Equal(JobState.Queued, second.State);

        release.SetResult();
        await WaitAsync(() => second.IsDone);
        using var state = JsonDocument.Parse(await _site.GetStringAsync($"jobs/{first.Id}/state"));
        Assert.Equal("succeeded", state.RootElement.GetProperty("state").GetString());
        Assert.Equal(["waiting", "done"], state.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("/roundup/desk/week", state.RootElement.GetProperty("result").GetString());
        Assert.Equal(JobState.Failed, second.State);
        Assert.Contains("failed: the harvest found no source", second.Lines(), StringComparer.Ordinal);

        var list = await _site.GetStringAsync("jobs");
        Assert.True(list.IndexOf("Fail<", StringComparison.Ordinal) < list.IndexOf("Wait for the test", StringComparison.Ordinal), "newest first");
    }

    [Fact]
    public async Task A_job_hands_its_parallel_parts_to_the_servers_workers_when_it_has_them()
    {
        var workers = new NoWorkers();
        await using var site = await DeskSite.StartAsync(work: workers);
        var jobs = site.Server.Services.GetRequiredService<DeskJobs>();
        IWorkDispatcher? seen = null;
        IWorkDispatcher? seenHere = new NoWorkers();

        var job = jobs.Start("On workers", "alice", (job, host, ct) => { seen = host.Work; return Task.CompletedTask; });
        var here = _site.Server.Services.GetRequiredService<DeskJobs>().Start("Here", "alice", (job, host, ct) => { seenHere = host.Work; return Task.CompletedTask; });
        await WaitAsync(() => job.IsDone && here.IsDone);

        Assert.Equal(JobState.Succeeded, job.State);
        Assert.Same(workers, seen);
        Assert.Null(seenHere);
    }

    /// <summary>Stands for the workers' dispatcher: only its identity is looked at.</summary>
    private sealed class NoWorkers : IWorkDispatcher
    {
        public Task<IReadOnlyList<FullTextOutcome>> ReadFullTextsAsync(IReadOnlyList<Paper> papers, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<GroundedEntry>> WriteEntriesAsync(CuratorProfile profile, IReadOnlyList<PaperToWrite> papers, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<IReadOnlyList<DeliveryBatchOutcome>> DeliverBatchesAsync(MailingKey mailing, int batches, int messages, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    [Fact]
    public async Task The_jobs_pages_need_a_signed_in_curator()
    {
        using var list = await _site.GetAsync("jobs");
        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        using var asset = await _site.GetAsync("assets/desk.css");
        Assert.Equal(HttpStatusCode.Redirect, asset.StatusCode);
        await _site.SignInAsync();
        using var css = await _site.GetAsync("assets/desk.css");
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    private static async Task WaitAsync(Func<bool> done)
    {
        for (var i = 0; i < 500 && !done(); i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(done(), "the job did not finish within ten seconds");
    }
}
