using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace Roundup.Web.Desk.Corrections;

/// <summary>
/// What the suggestion form posts: the week and paper (hidden), the text, an optional name or address, and the trap
/// field people never see (moved off-screen by the stylesheet) but form-filling bots fill in.
/// </summary>
internal sealed record SuggestionInput(string Week, string Paper, string Text, string From, bool Trapped, string? Problem)
{
    public const string WeekField = "week";
    public const string PaperField = "paper";
    public const string TextField = "text";
    public const string FromField = "from";
    public const string TrapField = "website";
    public const string Expected = "week=…, paper=…, text=… and optionally from=…";

    public static SuggestionInput Read(IFormCollection form)
    {
        string? problem = null;
        var week = One(form, WeekField, ref problem);
        var paper = One(form, PaperField, ref problem);
        var text = One(form, TextField, ref problem, trim: false);
        var from = One(form, FromField, ref problem);
        var trap = One(form, TrapField, ref problem);
        return new SuggestionInput(week, paper, text, from, trap.Length > 0, problem);
    }

    private static string One(IFormCollection form, string field, ref string? problem, bool trim = true)
    {
        var values = form.TryGetValue(field, out var found) ? found : StringValues.Empty;
        if (values.Count > 1)
        {
            problem ??= $"the form has {values.Count} '{field}' fields; send one";
        }

        var value = values.Count == 0 ? "" : values[0] ?? "";
        return trim ? value.Trim() : value;
    }
}
