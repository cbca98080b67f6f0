using System.Text;
using Microsoft.AspNetCore.Http;
using Roundup.Web.SignUp;

namespace Roundup.Web.Pages;

/// <summary>
/// The sign-up form and its one answer. The answer is the same for every address (new, pending, active or
/// suppressed), so the page never tells whether an address is on the list.
/// </summary>
internal static class SignUpPages
{
    public static Page Form(string listName, int statusCode, string email = "", string name = "", string? problem = null)
    {
        var html = new StringBuilder();
        if (problem is not null)
        {
            html.Append("<p class=\"problem\" role=\"alert\">").Append(HtmlPage.Encode(problem)).Append("</p>\n");
        }

        // The action is relative: the form posts back to the page's own URL under whatever path the site lives at.
        html.Append("<form method=\"post\" action=\"subscribe\">\n")
            .Append("<label for=\"email\">E-mail address</label>\n")
            .Append("<input id=\"email\" name=\"").Append(SignUpInput.EmailField).Append("\" type=\"email\" autocomplete=\"email\" required maxlength=\"254\" value=\"").Append(HtmlPage.Encode(email)).Append("\">\n")
            .Append("<label for=\"name\">Name (optional, for the greeting)</label>\n")
            .Append("<input id=\"name\" name=\"").Append(SignUpInput.NameField).Append("\" type=\"text\" autocomplete=\"name\" maxlength=\"").Append(SignUpInput.MaxNameLength).Append("\" value=\"").Append(HtmlPage.Encode(name)).Append("\">\n")
            .Append("<div class=\"trap\" aria-hidden=\"true\"><label for=\"website\">Leave this field empty</label>")
            .Append("<input id=\"website\" name=\"").Append(SignUpInput.TrapField).Append("\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\"></div>\n")
            .Append("<p><button type=\"submit\">Subscribe</button></p>\n")
            .Append("</form>\n");
        var text = $"Get {listName} by e-mail. We send one message with a link to confirm; nothing else arrives unless you follow it.";
        return new Page(statusCode, HtmlPage.Render(listName, "Subscribe", text, html.ToString()));
    }

    public static Page CheckInbox(string listName, string email) =>
        new(StatusCodes.Status200OK, HtmlPage.Render(
            listName,
            "Check your inbox",
            $"If {email} can be subscribed, a message with a link to confirm is on its way to it (at most one every few minutes). " +
            $"Nothing from {listName} is sent to it until that link is followed; if you are already subscribed, nothing changes."));
}
