using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace Roundup.Web.Pages;

/// <summary>
/// The small standalone HTML page of the link endpoints: every piece of text is HTML-encoded here, and the one inline
/// style is allowed by its hash in the page's Content-Security-Policy.
/// </summary>
internal static class HtmlPage
{
    public const string Style =
        "body{margin:3rem auto;max-width:34rem;padding:0 1rem;font:17px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif}" +
        "h1{font-size:1.4rem}button{font:inherit;padding:.5rem 1.25rem;cursor:pointer}.list{color:#57606a;font-size:.9rem}" +
        "label{display:block;margin:.75rem 0 .25rem}input{font:inherit;width:100%;box-sizing:border-box;padding:.4rem}" +
        "form p{margin:1rem 0}.problem{color:#b42318}.trap{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}";

    public static readonly string StyleHash = "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Style)));

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Default;

    public static string Encode(string text) => Encoder.Encode(text);

    /// <summary>A page with a heading and a paragraph, and <paramref name="extraHtml"/> (already safe) after them.</summary>
    public static string Render(string listName, string title, string text, string extraHtml = "")
    {
        var html = new StringBuilder(1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"robots\" content=\"noindex\">\n")
            .Append("<title>").Append(Encode(title)).Append(" · ").Append(Encode(listName)).Append("</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append("<p class=\"list\">").Append(Encode(listName)).Append("</p>\n")
            .Append("<h1>").Append(Encode(title)).Append("</h1>\n")
            .Append("<p>").Append(Encode(text)).Append("</p>\n")
            .Append(extraHtml)
            .Append("</body>\n</html>\n");
        return html.ToString();
    }
}
