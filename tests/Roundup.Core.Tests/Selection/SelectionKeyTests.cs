using Roundup.Calendar;
using Roundup.Selection;

namespace Roundup.Core.Tests.Selection;

/// <summary>A selection key reads and writes exactly the text the store has always kept.</summary>
public sealed class SelectionKeyTests
{
    private static readonly DateOnly First = new(2025, 6, 2);
    private static readonly DateOnly Last = new(2025, 6, 6);

    [Fact]
    public void Each_kind_of_key_writes_the_text_it_was_stored_under()
    {
        Assert.Equal("2025-W26", SelectionKey.ForWeek(new IssueWeek(2025, 26)).ToString());
        Assert.Equal("2025-06-02..2025-06-06", SelectionKey.ForDates(First, Last).ToString());
        Assert.Equal("eval 2025-06-02..2025-06-06 funnel", SelectionKey.ForEvaluation(First, Last, "funnel").ToString());
        Assert.Equal("eval 2025-06-02..2025-06-06 default − content", SelectionKey.ForEvaluation(First, Last, "default − content").ToString());
    }

    [Theory]
    [InlineData("2025-W26")]
    [InlineData("2025-06-02..2025-06-06")]
    [InlineData("2025-06-02..2025-06-02")]
    [InlineData("eval 2025-06-02..2025-06-06 funnel")]
    [InlineData("eval 2025-06-02..2025-06-06 tf-idf + linear SVM")]
    public void The_stored_text_round_trips(string text)
    {
        Assert.Equal(text, SelectionKey.Parse(text).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("w")]
    [InlineData("2025-w26")]
    [InlineData("2025-06-02..")]
    [InlineData("2025-6-2..2025-06-06")]
    [InlineData("eval 2025-06-02..2025-06-06")]
    [InlineData("eval 2025-06-02..2025-06-06 ")]
    [InlineData("eval 2025-W26 funnel")]
    public void Other_text_is_not_a_key(string text)
    {
        Assert.False(SelectionKey.TryParse(text, out _));
        Assert.Throws<FormatException>(() => SelectionKey.Parse(text));
    }

    [Fact]
    public void Keys_say_what_they_are_and_are_equal_by_what_they_name()
    {
        var week = SelectionKey.Parse("2025-W26");
        Assert.Equal(new IssueWeek(2025, 26), week.Week);
        Assert.Null(week.EvaluationRun);
        var evaluation = SelectionKey.Parse("eval 2025-06-02..2025-06-06 funnel");
        Assert.Equal((null, First, Last, "funnel"), (evaluation.Week, evaluation.First, evaluation.Last, evaluation.EvaluationRun));
        Assert.Equal(SelectionKey.ForDates(First, Last), SelectionKey.Parse("2025-06-02..2025-06-06"));
        Assert.NotEqual(SelectionKey.ForDates(First, Last), SelectionKey.ForEvaluation(First, Last, "funnel"));
        Assert.NotEqual(SelectionKey.ForEvaluation(First, Last, "funnel"), SelectionKey.ForEvaluation(First, Last, "random"));
        Assert.Throws<ArgumentException>(() => SelectionKey.ForEvaluation(First, Last, " "));
    }
}
