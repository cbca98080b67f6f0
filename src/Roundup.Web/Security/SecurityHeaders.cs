using Microsoft.AspNetCore.Http;

namespace Roundup.Web.Security;

/// <summary>
/// Headers on every answer: no MIME sniffing, no framing (unless the answer allowed its own origin), no Referer (a link page's URL carries its token), and the
/// archive's Content-Security-Policy unless the answer set its own.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpResponse)state).Headers;
            headers.XContentTypeOptions = "nosniff";
            if (string.IsNullOrEmpty(headers.XFrameOptions))
            {
                // The desk's previews, framed by the desk's own issue page, say SAMEORIGIN themselves.
                headers.XFrameOptions = "DENY";
            }

            headers["Referrer-Policy"] = "no-referrer";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (string.IsNullOrEmpty(headers.ContentSecurityPolicy))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy.Archive;
            }

            return Task.CompletedTask;
        }, context.Response);
        return next(context);
    }
}
