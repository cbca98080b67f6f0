using Roundup.Calendar;
using Roundup.Delivery;

namespace Roundup.Core.Tests.Delivery;

/// <summary>A mailing's key reads and writes exactly the text the outbox has always kept.</summary>
public sealed class MailingKeyTests
{
    private const string Week = "2025-W26";

    [Fact]
    public void Erratum_keys_are_recognised_exactly()
    {
        Assert.Equal("2025-W26-erratum-3", MailingKey.ForErratum(IssueWeek.Parse(Week), 3).ToString());
        Assert.Equal(IssueWeek.Parse(Week), MailingKey.Parse("2025-W26-erratum-12").Issue);
        Assert.Equal(12, MailingKey.Parse("2025-W26-erratum-12").Correction);
        Assert.False(MailingKey.Parse(Week).IsErratum);
        Assert.False(MailingKey.TryParse("2025-W26-erratum-", out _));
        Assert.False(MailingKey.TryParse("2025-W26-erratum-02", out _));
        Assert.False(MailingKey.TryParse("2025-W26-erratum-2x", out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => MailingKey.ForErratum(IssueWeek.Parse(Week), 0));
    }

    [Theory]
    [InlineData("2025-W26")]
    [InlineData("2025-W01")]
    [InlineData("2020-W53")]
    [InlineData("2025-W26-erratum-1")]
    [InlineData("2025-W26-erratum-10")]
    public void The_stored_text_round_trips(string text)
    {
        Assert.Equal(text, MailingKey.Parse(text).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("2025-w26")]
    [InlineData(" 2025-W26")]
    [InlineData("2025-W6")]
    [InlineData("2025-W54")]
    [InlineData("2025-W26-erratum-0")]
    [InlineData("2025-W26-Erratum-1")]
    [InlineData("2025-W26-erratum-1-erratum-2")]
    [InlineData("2025-06-02..2025-06-06")]
    public void Other_text_is_not_a_mailing(string text)
    {
        Assert.False(MailingKey.TryParse(text, out _));
        Assert.Throws<FormatException>(() => MailingKey.Parse(text));
    }

    [Fact]
    public void Keys_are_equal_by_issue_and_correction()
    {
        var week = IssueWeek.Parse(Week);
        Assert.Equal(MailingKey.ForIssue(week), MailingKey.Parse(Week));
        Assert.Equal(MailingKey.ForErratum(week, 2), MailingKey.Parse("2025-W26-erratum-2"));
        Assert.NotEqual(MailingKey.ForIssue(week), MailingKey.ForErratum(week, 1));
        Assert.NotEqual(MailingKey.ForErratum(week, 1), MailingKey.ForErratum(week.Next(), 1));
    }
}
