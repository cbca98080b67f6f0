using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Core.Tests.Harvesting;

public sealed class CompletenessReportTests
{
    private static readonly DateOnly Mon = new(2025, 6, 23);
    private static readonly DateOnly[] Week = [Mon, Mon.AddDays(1), Mon.AddDays(2), Mon.AddDays(3), Mon.AddDays(4)];

    private static Sighting S(string source, DateOnly date, string id, AnnounceType type = AnnounceType.New, params string[] categories) =>
        new(source, date, ArxivId.Parse(id), type, categories.Length > 0 ? categories : ["cs.LG"]);

    [Fact]
    public void Counts_distinct_papers_per_day_source_and_category()
    {
        var report = CompletenessReport.Build(Mon, Mon.AddDays(6), Week, ["cs.LG", "cs.CV"],
        [
            S("oai", Mon, "2506.00001", AnnounceType.New, "cs.LG", "cs.CV"),
            S("rss", Mon, "2506.00001", AnnounceType.Cross, "cs.LG", "cs.CV"),
            S("oai", Mon, "2506.00002", AnnounceType.New, "cs.CV"),
            S("oai", Mon, "2401.00009", AnnounceType.Replace),   // a replacement is not a paper of the day
            S("oai", Mon.AddDays(1), "2506.00003"),
            S("oai", Mon.AddDays(2), "2506.00004"),
            S("oai", Mon.AddDays(3), "2506.00005"),
            S("oai", Mon.AddDays(4), "2506.00006"),
        ]);

        var monday = report.Days[0];
        Assert.Equal(2, monday.Papers);
        Assert.Equal(2, monday.BySource["oai"]);
        Assert.Equal(1, monday.BySource["rss"]);
        Assert.Equal(1, monday.ByCategory["cs.LG"]);
        Assert.Equal(2, monday.ByCategory["cs.CV"]);
        Assert.Equal(6, report.TotalPapers);
        Assert.Empty(report.MissingDates);
    }

    [Fact]
    public void Names_every_expected_day_without_papers()
    {
        var report = CompletenessReport.Build(Mon, Mon.AddDays(6), Week, [], [S("listing", Mon, "2506.00001"), S("listing", Mon.AddDays(2), "2506.00002")]);
        Assert.Equal([Mon.AddDays(1), Mon.AddDays(3), Mon.AddDays(4)], report.MissingDates);
        Assert.False(report.IsComplete);
        Assert.Equal(5, report.Days.Count);
        Assert.Equal(0, report.Days[1].Papers);
    }

    [Fact]
    public void Papers_on_an_unexpected_day_are_shown_not_hidden()
    {
        var saturday = Mon.AddDays(5);
        var report = CompletenessReport.Build(Mon, Mon.AddDays(6), Week, [], [.. Week.Select((d, i) => S("listing", d, $"2506.0000{i + 1}")), S("listing", saturday, "2506.00009")]);
        Assert.Contains(report.Days, d => d.Date == saturday && !d.Expected && d.Papers == 1);
        Assert.Equal(6, report.TotalPapers);
    }

    [Fact]
    public void Compares_what_two_interfaces_saw_over_the_window()
    {
        var report = CompletenessReport.Build(Mon, Mon.AddDays(6), Week, [],
        [
            .. Week.Select((d, i) => S("oai", d, $"2506.0000{i + 1}")),
            S("api", Mon, "2506.00001"),
            S("api", Mon.AddDays(1), "2506.00002"),
            S("api", Mon.AddDays(3), "2506.00003"),   // the API put it on another day: not a difference
            S("api", Mon.AddDays(4), "2506.00099"),
        ]);

        Assert.Equal(2, report.Differences.Count);
        var onlyOai = report.Differences.Single(d => d.Source == "oai");
        Assert.Equal("api", onlyOai.Other);
        Assert.Equal(["2506.00004", "2506.00005"], onlyOai.OnlyInSource.Select(i => i.ToString()));
        Assert.Equal(["2506.00099"], report.Differences.Single(d => d.Source == "api").OnlyInSource.Select(i => i.ToString()));
        Assert.False(report.IsComplete);
    }

    [Fact]
    public void Bad_records_make_a_report_incomplete()
    {
        var sightings = Week.Select((d, i) => S("listing", d, $"2506.0000{i + 1}")).ToList();
        Assert.True(CompletenessReport.Build(Mon, Mon.AddDays(6), Week, [], sightings).IsComplete);
        Assert.False(CompletenessReport.Build(Mon, Mon.AddDays(6), Week, [], sightings, badRecords: 1).IsComplete);
    }
}
