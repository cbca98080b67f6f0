using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Roundup.Application.Curators;
using Roundup.Web.Pages;

namespace Roundup.Web.Desk;

/// <summary>
/// The curator's desk under <c>desk/</c>: sign-in (by name and password, or a one-time link from
/// <c>roundup curators add</c>), sign-out, and the pages behind them, none reachable signed out. Five failed
/// sign-ins in a row lock the account for fifteen minutes; the answer to a failure never says which part was wrong.
/// </summary>
internal sealed class DeskEndpoints(string listName, ILogger logger)
{
    public const string Path = "desk";

    public void Map(IEndpointRouteBuilder routes)
    {
        routes.MapGet($"/{Path}/sign-in", SignInFormAsync);
        routes.MapPost($"/{Path}/sign-in", SignInAsync).RequireRateLimiting(DeskSignIn.SignInPolicy);

        // Everything else needs a signed-in curator; DeskFormGuard has checked every POST's antiforgery token.
        // The server's form limits are the public pages' (a few short fields); the desk's forms carry a paper's words.
        var desk = routes.MapGroup($"/{Path}").RequireAuthorization()
            .WithFormOptions(valueCountLimit: DeskLimits.FormValues, valueLengthLimit: DeskLimits.FormValueBytes);
        desk.MapPost("/sign-out", SignOutAsync);
        // One route serves desk and desk/ alike; the forms post to absolute paths, so both work.
        desk.MapGet("/", HomeAsync);
        desk.MapGet("/assets/{name}", context => DeskAssets.ServeAsync(context, context.Request.RouteValues["name"]!.ToString()!));
        Week.WeekEndpoints.Map(desk, listName);
        Jobs.JobEndpoints.Map(desk, listName);
        IssueDesk.IssueEndpoints.Map(desk, listName);
        Send.SendEndpoints.Map(desk, listName);
        Corrections.CorrectionsEndpoints.Map(routes, desk, listName);
    }

    private async Task SignInFormAsync(HttpContext context)
    {
        var token = context.Request.Query["token"].ToString();
        await WriteAsync(context, DeskPages.SignIn(listName, Root(context), Tokens(context), StatusCodes.Status200OK, token: token.Length == 0 ? null : token));
    }

    private async Task SignInAsync(HttpContext context)
    {
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var desk = DeskView.Services(context);
        var now = desk.Time.GetUtcNow();
        var token = form["token"].ToString();
        string? name;
        if (token.Length > 0)
        {
            var curator = await desk.Store.Curators.UseSignInTokenAsync(ManageCurators.TokenHash(token), now, context.RequestAborted);
            if (curator is null)
            {
                logger.LogInformation("desk: a one-time sign-in link that is used, expired or unknown");
                await WriteAsync(context, DeskPages.SignIn(listName, Root(context), Tokens(context), StatusCodes.Status400BadRequest, "This sign-in link has been used or has expired: ask for a new one (roundup curators link NAME)."));
                return;
            }

            var password = form["new-password"].ToString();
            if (password.Length >= ManageCurators.MinPasswordLength)
            {
                await desk.Store.Curators.SetPasswordAsync(curator.Name, ManageCurators.Hash(password), context.RequestAborted);
            }

            name = curator.Name;
        }
        else
        {
            name = await CheckPasswordAsync(desk, form["name"].ToString().Trim(), form["password"].ToString(), now, context.RequestAborted);
            if (name is null)
            {
                await WriteAsync(context, DeskPages.SignIn(listName, Root(context), Tokens(context), StatusCodes.Status401Unauthorized, "The name or the password is wrong, or the account is locked for a while after repeated failures."));
                return;
            }
        }

        logger.LogInformation("desk: curator {Curator} signed in", name);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DeskSignIn.Principal(name));
        SeeOther(context, Root(context));
    }

    private async Task<string?> CheckPasswordAsync(DeskServices desk, string name, string password, DateTimeOffset now, CancellationToken ct)
    {
        var curator = name.Length == 0 ? null : await desk.Store.Curators.GetAsync(name, ct);
        if (curator is null)
        {
            return null;
        }

        if (curator.IsLockedAt(now))
        {
            logger.LogWarning("desk: curator {Curator} is locked until {Until:u}", curator.Name, curator.LockedUntil);
            return null;
        }

        if (ManageCurators.Verify(curator, password))
        {
            await desk.Store.Curators.ResetFailedSignInsAsync(curator.Name, ct);
            return curator.Name;
        }

        var lockUntil = curator.FailedSignIns + 1 >= DeskLimits.FailuresBeforeLockout ? now + DeskLimits.Lockout : (DateTimeOffset?)null;
        await desk.Store.Curators.RecordFailedSignInAsync(curator.Name, lockUntil, ct);
        logger.LogWarning("desk: a failed sign-in as {Curator}{Locked}", curator.Name, lockUntil is null ? "" : "; locked for fifteen minutes");
        return null;
    }

    private async Task SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        SeeOther(context, $"{Root(context)}sign-in");
    }

    private async Task HomeAsync(HttpContext context) =>
        await DeskView.WriteAsync<Components.HomePage>(context, new Dictionary<string, object?>
        {
            [nameof(Components.HomePage.Desk)] = DeskView.Context(context, listName),
            [nameof(Components.HomePage.PendingCorrections)] = await DeskView.Services(context).Store.Corrections.CountAsync(Roundup.Corrections.SuggestionStatus.Pending, context.RequestAborted),
        });

    private static void SeeOther(HttpContext context, string location) => DeskView.SeeOther(context, location);

    private static string Root(HttpContext context) => DeskView.Root(context);

    private static AntiforgeryTokenSet Tokens(HttpContext context) => context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context);

    private static Task WriteAsync(HttpContext context, Page page) => LinkPages.Write(context.Response, page, context.RequestAborted);
}
