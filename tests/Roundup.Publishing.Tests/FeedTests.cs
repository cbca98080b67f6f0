using System.Text.Json;
using System.Xml.Linq;
using CodeHollow.FeedReader;
using CodeHollow.FeedReader.Feeds;
using Roundup.Issues;
using Roundup.Publishing.Feeds;

namespace Roundup.Publishing.Tests;

public sealed class FeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public void Atom_reparses_with_one_entry_per_public_issue_newest_first()
    {
        var feed = FeedReader.ReadFromString(IssueFeeds.Atom(SampleIssues.Archive(), SampleIssues.Site));

        Assert.Equal(FeedType.Atom, feed.Type);
        Assert.Equal("Roundup", feed.Title);
        Assert.Equal(
            ["2025-W26: Checking your own work, and small models that plan", "2025-W25: Longer contexts, fewer tokens"],
            feed.Items.Select(i => i.Title));
        Assert.Equal(
            ["https://example.org/roundup/issues/2025-W26.html", "https://example.org/roundup/issues/2025-W25.html"],
            feed.Items.Select(i => i.Link));
        Assert.All(feed.Items, i => Assert.Contains("class=\"issue-body\"", i.Content, StringComparison.Ordinal));

        // The reader library decodes entities in content itself, so the escaping is checked on the XML as written.
        var content = XDocument.Parse(IssueFeeds.Atom(SampleIssues.Archive(), SampleIssues.Site)).Root!.Element(Atom + "entry")!.Element(Atom + "content")!.Value;
        HtmlDoc.AssertHostileStaysText(HtmlDoc.Parse(content));
    }

    [Fact]
    public void A_correction_changes_the_atom_entry_updated_time_and_shows_in_its_content()
    {
        var before = (AtomFeedItem)FeedReader.ReadFromString(IssueFeeds.Atom([SampleIssues.Week26()], SampleIssues.Site)).Items[0].SpecificItem;
        var after = (AtomFeedItem)FeedReader.ReadFromString(IssueFeeds.Atom([SampleIssues.Week26Corrected()], SampleIssues.Site)).Items[0].SpecificItem;

        Assert.Equal(SampleIssues.PublishedAt.UtcDateTime, before.UpdatedDate!.Value.ToUniversalTime());
        Assert.Equal(SampleIssues.CorrectedAt.UtcDateTime, after.UpdatedDate!.Value.ToUniversalTime());
        Assert.Equal(before.PublishedDate, after.PublishedDate);
        Assert.Equal(before.Id, after.Id);
        Assert.DoesNotContain("3.6 points, not 6.3", before.Content, StringComparison.Ordinal);
        Assert.Contains("3.6 points, not 6.3", after.Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Atom_has_the_required_elements()
    {
        var doc = XDocument.Parse(IssueFeeds.Atom(SampleIssues.Archive(), SampleIssues.Site));
        var feed = doc.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("2025-06-29T14:30:00Z", feed.Element(Atom + "updated")!.Value);
        Assert.Equal("https://example.org/roundup/atom.xml", feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
        foreach (var entry in feed.Elements(Atom + "entry"))
        {
            foreach (var required in new[] { "id", "title", "updated", "content" })
            {
                Assert.NotNull(entry.Element(Atom + required));
            }

            Assert.Equal("html", entry.Element(Atom + "content")!.Attribute("type")!.Value);
        }
    }

    [Fact]
    public void Rss_reparses_with_titles_links_and_dates()
    {
        var xml = IssueFeeds.Rss(SampleIssues.Archive(), SampleIssues.Site);
        var feed = FeedReader.ReadFromString(xml);

        Assert.Equal(FeedType.Rss_2_0, feed.Type);
        Assert.Equal(2, feed.Items.Count);
        Assert.Equal("2025-W26: Checking your own work, and small models that plan", feed.Items[0].Title);
        Assert.Equal("https://example.org/roundup/issues/2025-W25.html", feed.Items[1].Link);
        Assert.Equal(SampleIssues.PublishedAt.UtcDateTime, feed.Items[0].PublishingDate!.Value.ToUniversalTime());
        Assert.Contains("3.6 points, not 6.3", feed.Items[0].Description, StringComparison.Ordinal);

        var channel = XDocument.Parse(xml).Root!.Element("channel")!;
        Assert.Equal("Sun, 29 Jun 2025 14:30:00 +0000", channel.Element("lastBuildDate")!.Value);
    }

    [Fact]
    public void Json_feed_has_the_json_feed_1_1_required_fields()
    {
        using var doc = JsonDocument.Parse(IssueFeeds.JsonFeed(SampleIssues.Archive(), SampleIssues.Site));
        var root = doc.RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", root.GetProperty("version").GetString());
        Assert.Equal("Roundup", root.GetProperty("title").GetString());
        Assert.Equal("https://example.org/roundup/feed.json", root.GetProperty("feed_url").GetString());
        var items = root.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, items.Count);
        foreach (var item in items)
        {
            Assert.False(string.IsNullOrEmpty(item.GetProperty("id").GetString()));
            Assert.True(item.TryGetProperty("content_html", out var html) && html.GetString()!.Length > 0);
            Assert.True(DateTimeOffset.TryParse(item.GetProperty("date_published").GetString(), out _));
        }

        Assert.Equal("2025-06-29T14:30:00Z", items[0].GetProperty("date_modified").GetString());
        Assert.Equal("2025-06-20T09:00:00Z", items[1].GetProperty("date_modified").GetString());
        Assert.Equal("2025-W26: Checking your own work, and small models that plan", items[0].GetProperty("title").GetString());
    }

    [Fact]
    public void Drafts_never_reach_a_feed()
    {
        foreach (var feed in new[]
        {
            IssueFeeds.Atom(SampleIssues.Archive(), SampleIssues.Site),
            IssueFeeds.Rss(SampleIssues.Archive(), SampleIssues.Site),
            IssueFeeds.JsonFeed(SampleIssues.Archive(), SampleIssues.Site),
        })
        {
            Assert.DoesNotContain("2025-W27", feed, StringComparison.Ordinal);
            Assert.DoesNotContain("Unpublished Paper Title", feed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_empty_archive_gives_valid_empty_feeds()
    {
        var atom = FeedReader.ReadFromString(IssueFeeds.Atom([], SampleIssues.Site));
        Assert.Empty(atom.Items);
        Assert.Empty(FeedReader.ReadFromString(IssueFeeds.Rss([], SampleIssues.Site)).Items);
        using var json = JsonDocument.Parse(IssueFeeds.JsonFeed([], SampleIssues.Site));
        Assert.Equal(0, json.RootElement.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public void The_same_week_twice_is_an_error_naming_the_week()
    {
        var error = Assert.Throws<ArgumentException>(() => IssueFeeds.Atom([SampleIssues.Week26(), SampleIssues.Week26Corrected()], SampleIssues.Site));
        Assert.Contains("2025-W26", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_approved_issue_is_in_the_feed_with_its_approval_date()
    {
        var approved = SampleIssues.Week26() with { Status = IssueStatus.Approved, Published = null };
        var item = (AtomFeedItem)FeedReader.ReadFromString(IssueFeeds.Atom([approved], SampleIssues.Site)).Items[0].SpecificItem;
        Assert.Equal(approved.Approved!.Value.UtcDateTime, item.PublishedDate!.Value.ToUniversalTime());
    }
}
