using Roundup.Calendar;


namespace Roundup.Core.Tests.Calendar;

public sealed class ArxivCalendarTests
{
    private static readonly ArxivCalendar Calendar = new();

    private static DateTimeOffset Eastern(int y, int m, int d, int h, int min) =>
        new(new DateTime(y, m, d, h, min, 0), ArxivCalendar.Eastern.GetUtcOffset(new DateTime(y, m, d, h, min, 0)));

    [Fact]
    public void Week_26_of_2025_holds_the_listings_of_june_23_to_27()
    {
        Assert.Equal(
            [new DateOnly(2025, 6, 23), new(2025, 6, 24), new(2025, 6, 25), new(2025, 6, 26), new(2025, 6, 27)],
            Calendar.ListingDates(IssueWeek.Parse("2025-W26")));
    }

    [Fact]
    public void A_holiday_evening_removes_the_next_listing_date()
    {
        // Juneteenth 2025 was a Thursday: no batch that evening, so no listing dated Friday 2025-06-20.
        var dates = Calendar.ListingDates(IssueWeek.Parse("2025-W25"));
        Assert.Equal([new DateOnly(2025, 6, 16), new(2025, 6, 17), new(2025, 6, 18), new(2025, 6, 19)], dates);
        Assert.False(Calendar.IsAnnouncementDay(new DateOnly(2025, 6, 19)));
        Assert.False(Calendar.IsAnnouncementDay(new DateOnly(2025, 6, 20)));   // Friday
        Assert.True(Calendar.IsAnnouncementDay(new DateOnly(2025, 6, 22)));    // Sunday
    }

    [Fact]
    public void Holidays_come_from_configuration_too()
    {
        var calendar = new ArxivCalendar([new DateOnly(2025, 6, 24)]);
        Assert.DoesNotContain(new DateOnly(2025, 6, 25), calendar.ListingDates(IssueWeek.Parse("2025-W26")));
        Assert.Contains(new DateOnly(2025, 6, 20), calendar.ListingDates(IssueWeek.Parse("2025-W25")));
    }

    [Fact]
    public void The_week_boundary_is_configurable()
    {
        var calendar = new ArxivCalendar(weekStartsOn: DayOfWeek.Thursday);
        Assert.Equal((new DateOnly(2025, 6, 26), new DateOnly(2025, 7, 2)), calendar.Span(IssueWeek.Parse("2025-W26")));
        Assert.Equal(
            [new DateOnly(2025, 6, 26), new(2025, 6, 27), new(2025, 6, 30), new(2025, 7, 1), new(2025, 7, 2)],
            calendar.ListingDates(IssueWeek.Parse("2025-W26")));
        Assert.Equal(IssueWeek.Parse("2025-W26"), calendar.WeekOf(new DateOnly(2025, 7, 1)));
        Assert.Equal(IssueWeek.Parse("2025-W25"), calendar.WeekOf(new DateOnly(2025, 6, 25)));
    }

    [Theory]
    [InlineData(2025, 6, 16, 13, 59, "2025-06-17")]   // Monday before the 14:00 cut-off: announced Monday evening
    [InlineData(2025, 6, 16, 14, 1, "2025-06-18")]    // just after it: Tuesday evening
    [InlineData(2025, 6, 18, 15, 0, "2025-06-23")]    // Thursday 06-19 is a holiday: the next batch is Sunday's
    [InlineData(2025, 6, 20, 10, 0, "2025-06-23")]    // Friday before 14:00: announced Sunday
    [InlineData(2025, 6, 20, 16, 0, "2025-06-24")]    // Friday after 14:00: Monday's batch
    [InlineData(2025, 6, 21, 12, 0, "2025-06-24")]    // Saturday: Monday's batch
    [InlineData(2025, 3, 7, 13, 0, "2025-03-10")]     // across the switch to daylight saving time
    public void A_submission_is_expected_in_the_listing_after_its_cutoff(int y, int m, int d, int h, int min, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Calendar.ExpectedListingDate(Eastern(y, m, d, h, min)));
    }

    [Fact]
    public void Submission_times_in_utc_are_read_in_eastern_time()
    {
        // 2025-06-16 17:59 UTC is 13:59 EDT (before the cut-off); 18:01 UTC is after it.
        Assert.Equal(new DateOnly(2025, 6, 17), Calendar.ExpectedListingDate(new DateTimeOffset(2025, 6, 16, 17, 59, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2025, 6, 18), Calendar.ExpectedListingDate(new DateTimeOffset(2025, 6, 16, 18, 1, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData(2025, 6, 23, 19, 0, "2025-06-23")]   // Monday before 20:00: Sunday's batch is the newest
    [InlineData(2025, 6, 23, 20, 30, "2025-06-24")]
    [InlineData(2025, 6, 28, 12, 0, "2025-06-27")]   // Saturday: Thursday's batch
    [InlineData(2025, 6, 20, 22, 0, "2025-06-19")]   // the Juneteenth evening had none
    public void The_latest_listing_date_follows_the_20h_announcement(int y, int m, int d, int h, int min, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Calendar.LatestListingDate(Eastern(y, m, d, h, min)));
    }
}
