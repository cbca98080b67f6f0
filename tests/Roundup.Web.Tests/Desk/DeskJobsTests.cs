using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Roundup.Web.Desk.Jobs;

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
