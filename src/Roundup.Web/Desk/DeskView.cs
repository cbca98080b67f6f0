using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roundup.Application.Hosting;
using Roundup.Web.Desk.Jobs;
using Roundup.Web.Pages;

namespace Roundup.Web.Desk;

/// <summary>
/// Renders a desk page (a Razor component, which HTML-encodes every value it shows) on the server and writes it with
/// no caching; the desk's stylesheet and script are files of the site, so the default Content-Security-Policy holds.
/// </summary>
internal static class DeskView
{
    public static DeskContext Context(HttpContext context, string listName)
    {
        var tokens = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);
        return new DeskContext(listName, Root(context), Curator(context), tokens.RequestToken!);
    }

    /// <summary>The signed-in curator's name ("" when none).</summary>
    public static string Curator(HttpContext context) => context.User.Identity?.Name ?? "";

    public static DeskServices Services(HttpContext context) => context.RequestServices.GetRequiredService<DeskServices>();

    /// <summary>The desk's absolute path, under the site's: <c>/roundup/desk/</c>.</summary>
    public static string Root(HttpContext context) => $"{context.Request.PathBase}/{DeskEndpoints.Path}/";

    public static async Task WriteAsync<TComponent>(HttpContext context, IDictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TComponent : IComponent
    {
        var html = await RenderAsync<TComponent>(context.RequestServices, parameters);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync(html, Encoding.UTF8, context.RequestAborted);
    }

    public static async Task<string> RenderAsync<TComponent>(IServiceProvider services, IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    /// <summary>After a POST, where the browser goes next, by GET.</summary>
    public static void SeeOther(HttpContext context, string location)
    {
        context.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.Response.Headers.Location = location;
    }

    /// <summary>Starts <paramref name="work"/> as a background job of the signed-in curator and answers 303 to the job's page.</summary>
    public static DeskJob StartJob(HttpContext context, string title, Func<DeskJob, RoundupHost, CancellationToken, Task> work)
    {
        var job = context.RequestServices.GetRequiredService<DeskJobs>().Start(title, Curator(context), work);
        SeeOther(context, $"{Root(context)}jobs/{job.Id}");
        return job;
    }

    /// <summary>The 400 page: <paramref name="title"/> and the <paramref name="message"/> naming what was wrong.</summary>
    public static Task BadRequestAsync(HttpContext context, string listName, string title, string message) =>
        LinkPages.Write(context.Response, LinkPages.Message(listName, title, message, StatusCodes.Status400BadRequest), context.RequestAborted);
}
