using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Roundup.Publishing.Views;

namespace Roundup.Publishing.Archive;

/// <summary>
/// The search index: one JSON object per paper, with links relative to the site's root. It is embedded in
/// search.html inside a script element, which is safe because the encoder escapes '&lt;' (so no "&lt;/script&gt;").
/// </summary>
internal static class SearchIndex
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static string Json(IEnumerable<IssueView> issues)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, Options))
        {
            w.WriteStartArray();
            foreach (var issue in issues)
            {
                foreach (var section in issue.Sections)
                {
                    foreach (var entry in section.Entries)
                    {
                        w.WriteStartObject();
                        w.WriteString("id", entry.Id);
                        w.WriteString("title", entry.Title);
                        w.WriteString("url", entry.WebUrl);
                        w.WriteString("week", issue.Week);
                        w.WriteString("issue_title", issue.Title);
                        w.WriteString("authors", entry.Authors);
                        w.WriteString("tldr", entry.Tldr);
                        w.WriteStartArray("tags");
                        w.WriteStringValue(section.Topic);
                        foreach (var category in entry.Categories)
                        {
                            w.WriteStringValue(category.Label);
                        }

                        w.WriteEndArray();
                        w.WriteEndObject();
                    }
                }
            }

            w.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
