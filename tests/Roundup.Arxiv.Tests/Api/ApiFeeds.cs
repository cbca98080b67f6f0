using System.Globalization;
using System.Text;

namespace Roundup.Arxiv.Tests.Api;

/// <summary>Small API answers built in code.</summary>
public static class ApiFeeds
{
    public static string Search(int total, int start, params (string Id, string Primary, string Published)[] entries)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"""
            <?xml version='1.0' encoding='UTF-8'?>
            <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
            <id>https://arxiv.org/api/x</id><title>arXiv Query</title><updated>2025-06-28T00:00:00Z</updated>
            <opensearch:itemsPerPage>2000</opensearch:itemsPerPage>
            <opensearch:totalResults>{total}</opensearch:totalResults>
            <opensearch:startIndex>{start}</opensearch:startIndex>
            """);
        foreach (var (id, primary, published) in entries)
        {
            sb.Append(CultureInfo.InvariantCulture, $"""
                <entry><id>http://arxiv.org/abs/{id}</id><title>Paper {id}</title><updated>{published}</updated>
                <summary>About {id}.</summary><category term="{primary}" scheme="http://arxiv.org/schemas/atom"/>
                <published>{published}</published><arxiv:primary_category term="{primary}"/>
                <author><name>A. Author</name></author></entry>
                """);
        }

        sb.Append("</feed>");
        return sb.ToString();
    }
}
