using System.Text;
using Microsoft.AspNetCore.Http;
using Roundup.Web.Security;

namespace Roundup.Web.Pages;

/// <summary>The pages of the confirm and unsubscribe links: an outcome, or a question with the one button that acts.</summary>
internal static class LinkPages
{
    public static Page Message(string listName, string title, string text, int statusCode) =>
        new(statusCode, HtmlPage.Render(listName, title, text));

    /// <summary>
    /// A page whose button POSTs <paramref name="field"/>=<paramref name="value"/> to <paramref name="action"/> (a URL
    /// relative to the page, with its token), so following the link in a mail changes nothing until a person presses it.
    /// </summary>
    public static Page Question(string listName, string title, string text, string action, string field, string value, string button)
    {
        var form = new StringBuilder()
            .Append("<form method=\"post\" action=\"").Append(HtmlPage.Encode(action)).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"").Append(HtmlPage.Encode(field)).Append("\" value=\"").Append(HtmlPage.Encode(value)).Append("\">\n")
            .Append("<button type=\"submit\">").Append(HtmlPage.Encode(button)).Append("</button>\n")
            .Append("</form>\n")
            .ToString();
        return new Page(StatusCodes.Status200OK, HtmlPage.Render(listName, title, text, form));
    }

    public static async Task Write(HttpResponse response, Page page, CancellationToken cancellationToken)
    {
        response.StatusCode = page.StatusCode;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-store";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy.LinkPage(HtmlPage.StyleHash);
        await response.WriteAsync(page.Html, Encoding.UTF8, cancellationToken);
    }
}
