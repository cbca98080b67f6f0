using System.Globalization;
using System.Text;
using System.Text.Json;
using Roundup.Papers;

namespace Roundup.Cli.Output;

/// <summary>Stored papers as a text table or JSON.</summary>
public static class PaperPrinter
{
    public static string Table(IReadOnlyList<Paper> papers)
    {
        var text = new StringBuilder();
        TextTable.Write(
            text,
            ["id", "listed", "primary", "title"],
            papers.Select(p => (IReadOnlyList<string>)[$"{p.Id}v{p.Version}", $"{p.Announced:yyyy-MM-dd}", p.PrimaryCategory ?? "-", Shorten(p.Title, 90)]).ToList());
        text.AppendLine(CultureInfo.InvariantCulture, $"{papers.Count:N0} papers");
        return text.ToString();
    }

    public static string Json(IReadOnlyList<Paper> papers) => CliJson.Serialize(papers.Select(ToJson));

    private static object ToJson(Paper p) => new
    {
        id = p.Id.Canonical,
        p.Version,
        p.Title,
        p.Authors,
        p.Categories,
        p.PrimaryCategory,
        p.Announced,
        announceType = p.AnnounceType,
        p.Submitted,
        p.Comment,
        p.JournalRef,
        p.Doi,
        p.License,
        versions = p.Versions.Select(v => new { number = v.Number, v.Submitted, v.Size }),
        absUrl = p.AbsUrl,
        p.Abstract,
    };

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
