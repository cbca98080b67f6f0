namespace Roundup.Web.Desk;

/// <summary>
/// What every desk page is rendered with: the list's name, the desk's absolute path (<c>/roundup/desk/</c>), the
/// curator signed in, and the antiforgery token its forms carry.
/// </summary>
public sealed record DeskContext(string ListName, string Root, string Curator, string FormToken)
{
    /// <summary>A desk URL: <c>Url("week?week=2025-W26")</c> → <c>/roundup/desk/week?week=2025-W26</c>.</summary>
    public string Url(string relative) => Root + relative;
}
