using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace Roundup.Web.Forwarding;

/// <summary>
/// Takes the client's address from X-Forwarded-For and the request's scheme from X-Forwarded-Proto, through ASP.NET
/// Core's forwarded-headers middleware, and only from the configured proxies: with none configured the headers are
/// ignored, whatever sends them (ASP.NET Core would otherwise trust loopback peers by default). The scheme matters
/// only to the desk's cookies (Secure when the proxy took the request over HTTPS); the site's links take their scheme,
/// host and path from the link base, never from headers.
/// </summary>
internal static class ForwardedClient
{
    public static IApplicationBuilder UseForwardedClient(this IApplicationBuilder app, IReadOnlyList<System.Net.IPNetwork> trustedProxies)
    {
        if (trustedProxies.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Walks X-Forwarded-For from the right while the hop that added each entry is trusted: the first entry
            // added by a trusted proxy about a peer it does not trust is the client. Entries further left are the
            // client's own say and count for nothing.
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in trustedProxies)
        {
            options.KnownIPNetworks.Add(network);
        }

        return app.UseForwardedHeaders(options);
    }
}
