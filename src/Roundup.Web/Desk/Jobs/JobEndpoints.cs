using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Roundup.Web.Desk.Components;

namespace Roundup.Web.Desk.Jobs;

/// <summary>The jobs page, one job's page with its lines, and the job's state as JSON for the page's script to follow.</summary>
internal static class JobEndpoints
{
    public static void Map(RouteGroupBuilder desk, string listName)
    {
        desk.MapGet("/jobs", async context =>
            await DeskView.WriteAsync<JobsPage>(context, new Dictionary<string, object?>
            {
                [nameof(JobsPage.Desk)] = DeskView.Context(context, listName),
                [nameof(JobsPage.Jobs)] = context.RequestServices.GetRequiredService<DeskJobs>().All(),
            }));
        desk.MapGet("/jobs/{id:int}", async context =>
        {
            var job = Find(context);
            if (job is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await DeskView.WriteAsync<JobPage>(context, new Dictionary<string, object?>
            {
                [nameof(JobPage.Desk)] = DeskView.Context(context, listName),
                [nameof(JobPage.Job)] = job,
            });
        });
        desk.MapGet("/jobs/{id:int}/state", async context =>
        {
            var job = Find(context);
            if (job is null)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.Headers.CacheControl = "no-store";
            await context.Response.WriteAsJsonAsync(new JobStateView(job.State.ToString().ToLowerInvariant(), job.IsDone, job.Lines(), job.ResultUrl, job.Figures()), context.RequestAborted);
        });
    }

    private static DeskJob? Find(HttpContext context) =>
        int.TryParse(context.Request.RouteValues["id"]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? context.RequestServices.GetRequiredService<DeskJobs>().Get(id)
            : null;

    private sealed record JobStateView(string State, bool Done, IReadOnlyList<string> Lines, string? Result, IReadOnlyList<JobFigure> Figures);
}
