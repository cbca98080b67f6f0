using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Roundup.Web.Pages;

namespace Roundup.Web.Desk;

/// <summary>
/// The desk's sign-in page, the one desk page written without Razor (the others are in <c>Components/</c>): every text
/// HTML-encoded, the form with its antiforgery token, every control labelled.
/// </summary>
internal static class DeskPages
{
    /// <summary>The sign-in form; with a one-time <paramref name="token"/>, the form that uses it and may set a password.</summary>
    public static Page SignIn(string listName, string root, AntiforgeryTokenSet form, int status, string? problem = null, string? token = null)
    {
        var html = new StringBuilder()
            .Append("<form method=\"post\" action=\"").Append(HtmlPage.Encode(root)).Append("sign-in\">\n")
            .Append(Hidden(DeskLimits.AntiforgeryField, form.RequestToken!));
        if (token is null)
        {
            html.Append(Field("name", "Name", "text", "username"))
                .Append(Field("password", "Password", "password", "current-password"));
        }
        else
        {
            html.Append(Hidden("token", token))
                .Append(Field("new-password", "Choose a password (at least 12 characters; leave empty to set it later)", "password", "new-password"));
        }

        html.Append("<p><button type=\"submit\">Sign in</button></p>\n</form>\n");
        if (problem is not null)
        {
            html.Insert(0, $"<p class=\"problem\" role=\"alert\">{HtmlPage.Encode(problem)}</p>\n");
        }

        var text = token is null ? "Sign in to the curator's desk." : "This one-time link signs you in once.";
        return new Page(status, HtmlPage.Render(listName, "Curator's desk", text, html.ToString()));
    }

    private static string Hidden(string name, string value) =>
        $"<input type=\"hidden\" name=\"{HtmlPage.Encode(name)}\" value=\"{HtmlPage.Encode(value)}\">\n";

    private static string Field(string name, string label, string type, string autocomplete) =>
        $"<label for=\"{name}\">{HtmlPage.Encode(label)}</label>\n<input id=\"{name}\" name=\"{name}\" type=\"{type}\" autocomplete=\"{autocomplete}\">\n";
}
