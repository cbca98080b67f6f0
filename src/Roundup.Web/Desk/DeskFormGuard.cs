using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Roundup.Web.Pages;

namespace Roundup.Web.Desk;

/// <summary>
/// Every POST under <c>desk/</c> carries the desk's antiforgery token (the hidden form field, or the
/// <see cref="DeskLimits.AntiforgeryHeader"/> header of the pages' scripts); one without it is refused here, before
/// any endpoint sees it, so no desk form can forget the check.
/// </summary>
internal sealed class DeskFormGuard(RequestDelegate next, IAntiforgery antiforgery, ILogger<DeskFormGuard> logger, DeskListName list)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/" + DeskEndpoints.Path, StringComparison.Ordinal))
        {
            try
            {
                await antiforgery.ValidateRequestAsync(context);
            }
            catch (AntiforgeryValidationException)
            {
                logger.LogInformation("desk: a form posted without a valid antiforgery token was refused");
                await LinkPages.Write(context.Response, LinkPages.Message(list.Name, "Form expired", "This form has expired or did not come from the desk: nothing was changed. Reload the page and try again.", StatusCodes.Status400BadRequest), context.RequestAborted);
                return;
            }
        }

        await next(context);
    }
}

/// <summary>The list's name, for the pages the desk's middleware answers with.</summary>
internal sealed record DeskListName(string Name);
