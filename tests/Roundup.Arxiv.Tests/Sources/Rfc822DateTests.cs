using Roundup.Arxiv.Sources;

namespace Roundup.Arxiv.Tests.Sources;

public sealed class Rfc822DateTests
{
    [Theory]
    [InlineData("Mon, 2 Apr 2007 19:18:42 GMT", "2007-04-02T19:18:42+00:00")]
    [InlineData("Fri, 23 Feb 2024 00:00:00 -0500", "2024-02-23T00:00:00-05:00")]
    [InlineData("23 Jun 2025 00:00 +1400", "2025-06-23T00:00:00+14:00")]
    public void Dates_arxiv_writes_are_read(string text, string expected)
    {
        Assert.True(Rfc822Date.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData("23 Jun 2025 00:00 -2400")] // found by fuzzing the RSS reader: the constructor threw
    [InlineData("23 Jun 2025 00:00 +1500")]
    [InlineData("23 Jun 2025 00:00 +0199")]
    [InlineData("1 Jan 0001 00:00 +0100")] // before year 1 in UTC
    [InlineData("31 Dec 9999 23:59 -0100")] // after year 9999 in UTC
    public void An_impossible_zone_or_instant_is_not_a_date(string text)
    {
        Assert.False(Rfc822Date.TryParse(text, out _));
    }
}
