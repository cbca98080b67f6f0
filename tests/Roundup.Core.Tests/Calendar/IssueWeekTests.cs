using Roundup.Calendar;

namespace Roundup.Core.Tests.Calendar;

public sealed class IssueWeekTests
{
    [Theory]
    [InlineData("2025-W26", 2025, 26, "2025-06-23")]
    [InlineData("2026-W01", 2026, 1, "2025-12-29")]
    [InlineData("2020-W53", 2020, 53, "2020-12-28")]
    [InlineData("2025-w02", 2025, 2, "2025-01-06")]
    public void Parses_iso_weeks(string text, int year, int week, string monday)
    {
        var w = IssueWeek.Parse(text);
        Assert.Equal(new IssueWeek(year, week), w);
        Assert.Equal(monday, w.Monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(w, IssueWeek.Containing(w.Monday.AddDays(6)));
    }

    [Theory]
    [InlineData("2025-26")]
    [InlineData("2025-W54")]
    [InlineData("2025-W00")]
    [InlineData("2021-W53")]   // 2021 has 52 weeks
    [InlineData("W26")]
    [InlineData("")]
    public void Refuses_what_is_not_a_week(string text)
    {
        Assert.False(IssueWeek.TryParse(text, out _));
        Assert.Throws<FormatException>(() => IssueWeek.Parse(text));
    }

    [Fact]
    public void Weeks_order_and_step()
    {
        var w = IssueWeek.Parse("2025-W52");
        Assert.Equal("2026-W01", w.Next().ToString());
        Assert.Equal(w, w.Next().Previous());
        Assert.True(w < w.Next());
    }
}
