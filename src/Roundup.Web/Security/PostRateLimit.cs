using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Roundup.Delivery.Tokens;
using Roundup.Web.Hosting;
using Roundup.Web.Pages;

namespace Roundup.Web.Security;

/// <summary>
/// Limits the POSTs that change subscriptions: a fixed window per budget (<see cref="PostBudget"/>: a genuine link's
/// subscriber, otherwise the client's address, which behind a trusted proxy is the one it forwards), no queue; the
/// rest get 429 with a Retry-After.
/// </summary>
internal static class PostRateLimit
{
    public const string Policy = "link-posts";

    public static IServiceCollection AddPostRateLimit(this IServiceCollection services, WebServerOptions options, TokenSigner signer) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                PostBudget.Of(context, signer),
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PostsPerWindow,
                    Window = options.RateWindow,
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                var retry = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : options.RateWindow;
                response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await LinkPages.Write(response, LinkPages.Message(options.ListName, "Too many requests", "Too many requests from your address, or for this link: nothing was changed. Please try again in a minute.", StatusCodes.Status429TooManyRequests), cancellationToken);
            };
        });
}
