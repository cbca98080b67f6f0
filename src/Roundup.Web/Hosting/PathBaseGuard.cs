using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Roundup.Web.Hosting;

/// <summary>
/// Mounts the site at the link base's path: <c>/roundup/unsubscribe</c> is the unsubscribe page and anything outside
/// <c>/roundup</c> is 404, so the server answers exactly the URLs the mails and the archive use.
/// </summary>
internal static class PathBaseGuard
{
    public static IApplicationBuilder UseSitePath(this IApplicationBuilder app, string pathBase)
    {
        if (pathBase.Length == 0)
        {
            return app;
        }

        app.UsePathBase(PathString.FromUriComponent(pathBase));
        return app.Use((context, next) =>
        {
            if (!context.Request.PathBase.HasValue)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
    }
}
