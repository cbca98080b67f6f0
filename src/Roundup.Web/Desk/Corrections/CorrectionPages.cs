using System.Text;
using Microsoft.AspNetCore.Http;
using Roundup.Corrections;
using Roundup.Web.Pages;

namespace Roundup.Web.Desk.Corrections;

/// <summary>
/// The reader's side of a suggested correction: the form (the archive's entries carry the same one) and its answers.
/// Every value the reader typed is HTML-encoded; the form posts to <c>corrections</c> beside the page.
/// </summary>
internal static class CorrectionPages
{
    public static Page Form(string listName, int status, string week, string paper, string text = "", string from = "", string? problem = null)
    {
        var html = new StringBuilder();
        if (problem is not null)
        {
            html.Append("<p class=\"problem\" role=\"alert\">").Append(HtmlPage.Encode(problem)).Append("</p>\n");
        }

        html.Append("<form method=\"post\" action=\"corrections\">\n")
            .Append("<input type=\"hidden\" name=\"").Append(SuggestionInput.WeekField).Append("\" value=\"").Append(HtmlPage.Encode(week)).Append("\">\n")
            .Append("<input type=\"hidden\" name=\"").Append(SuggestionInput.PaperField).Append("\" value=\"").Append(HtmlPage.Encode(paper)).Append("\">\n")
            .Append("<label for=\"text\">What is wrong, and what is right?</label>\n")
            .Append("<textarea id=\"text\" name=\"").Append(SuggestionInput.TextField).Append("\" rows=\"8\" cols=\"50\" required maxlength=\"").Append(SuggestionLimits.MaxTextLength).Append("\">").Append(HtmlPage.Encode(text)).Append("</textarea>\n")
            .Append("<label for=\"from\">Your name or e-mail (optional, if you want a reply)</label>\n")
            .Append("<input id=\"from\" name=\"").Append(SuggestionInput.FromField).Append("\" type=\"text\" autocomplete=\"off\" maxlength=\"").Append(SuggestionLimits.MaxContactLength).Append("\" value=\"").Append(HtmlPage.Encode(from)).Append("\">\n")
            .Append("<div class=\"trap\" aria-hidden=\"true\"><label for=\"website\">Leave this field empty</label>")
            .Append("<input id=\"website\" name=\"").Append(SuggestionInput.TrapField).Append("\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\"></div>\n")
            .Append("<p><button type=\"submit\">Send to the curator</button></p>\n")
            .Append("</form>\n");
        var about = paper.Length > 0 ? $"arXiv:{paper} in the {week} issue" : $"the {week} issue";
        return new Page(status, HtmlPage.Render(listName, "Suggest a correction", $"Tell the curator what is wrong in the entry about {about}. No address is needed.", html.ToString()));
    }

    /// <summary>The same answer whether the suggestion was kept or a bot's was dropped.</summary>
    public static Page Thanks(string listName, string week, string paper)
    {
        var back = $"issues/{week}.html" + (paper.Length > 0 ? "#p-" + paper.Replace('/', '-').Replace('.', '-') : "");
        var link = IsSafeWeek(week) ? $"<p><a href=\"{HtmlPage.Encode(back)}\">Back to the issue</a></p>\n" : "";
        return new Page(StatusCodes.Status200OK, HtmlPage.Render(
            listName,
            "Thank you",
            "Your suggestion has reached the curator, who will read it. If it is right, a correction will appear on the issue's page (and, for a serious one, in an e-mail to its readers).",
            link));
    }

    private static bool IsSafeWeek(string week) => Roundup.Calendar.IssueWeek.TryParse(week, out _);
}
