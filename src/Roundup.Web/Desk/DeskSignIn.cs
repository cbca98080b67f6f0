using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Roundup.Web.Forwarding;
using Roundup.Web.Hosting;

namespace Roundup.Web.Desk;

/// <summary>
/// ASP.NET Core's own sign-in for the desk: a cookie (HttpOnly, SameSite=Strict, only under the desk's path, sliding
/// eight hours) protected by Data Protection keys kept on disk, antiforgery tokens on every form, and a limit on
/// sign-in POSTs per client address. Lockout after repeated failures is the account's (see <see cref="DeskEndpoints"/>).
/// </summary>
internal static class DeskSignIn
{
    public const string SignInPolicy = "desk-sign-in";

    public static IServiceCollection AddDesk(this IServiceCollection services, WebServerOptions options, DeskServices desk)
    {
        services.AddDataProtection().SetApplicationName("roundup-desk").PersistKeysToFileSystem(Directory.CreateDirectory(desk.KeysDirectory));
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.Cookie.Name = "roundup-desk";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = options.PathBase + "/" + DeskEndpoints.Path;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/" + DeskEndpoints.Path + "/sign-in";
            cookie.AccessDeniedPath = cookie.LoginPath;
        });
        services.AddAuthorization();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "roundup-desk-form";
            antiforgery.Cookie.Path = options.PathBase + "/" + DeskEndpoints.Path;
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
            antiforgery.FormFieldName = DeskLimits.AntiforgeryField;
            antiforgery.HeaderName = DeskLimits.AntiforgeryHeader;
        });
        services.AddRateLimiter(limiter => limiter.AddPolicy(SignInPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
            ClientAddress.Key(context.Connection.RemoteIpAddress),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = DeskLimits.SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })));
        services.AddSingleton(desk);
        services.AddSingleton(new DeskListName(options.ListName));
        services.AddSingleton<Jobs.DeskJobs>();
        services.AddHostedService(s => s.GetRequiredService<Jobs.DeskJobs>());
        return services;
    }

    public static ClaimsPrincipal Principal(string name) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], CookieAuthenticationDefaults.AuthenticationScheme));
}
