using Roundup.Delivery.Sending;
using Roundup.Delivery.Transport;

namespace Roundup.Delivery.Tests.Sending;

public sealed class RefusalStreakTests
{
    private static readonly SendResult RelayDenied = new(SendOutcome.RecipientRejected, 554, "554 5.7.1 Relay access denied");
    private static readonly SendResult NoMailbox = new(SendOutcome.RecipientRejected, 550, "550 5.1.1 <address>: Recipient address rejected: mailbox unavailable");

    private static OutboxItem Item(long id) => new(
        new OutboxRow(MailingKey.Parse("2025-W26"), id, OutboxState.Sending, 1, null, $"m{id}@roundup.example.org", null, DateTimeOffset.UnixEpoch),
        new Subscriber(id, $"reader{id}@mail.example.org", null, SubscriberStatus.Active, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));

    private static long[] Ids(IEnumerable<(OutboxItem Item, SendResult Result)> believed) => believed.Select(b => b.Item.Row.SubscriberId).ToArray();

    private static long[] Ids(IEnumerable<OutboxItem> items) => items.Select(i => i.Row.SubscriberId).ToArray();

    [Theory]
    [InlineData("554 5.7.1 Relay access denied", "554 5.7.1")]
    [InlineData("550 5.7.708 Service unavailable. Access denied [BN8NAM11FT066.eop-nam11.prod.protection.outlook.com 2025-06-23T10:00:00]", "550 5.7.708")]
    [InlineData("550-5.1.1 The email account that you tried to reach does not exist", "550 5.1.1")]
    [InlineData("554 Transaction failed", "554 Transaction failed")]
    [InlineData("550 5.1.10x odd", "550 5.1.10x odd")]
    public void The_same_answer_is_the_code_and_enhanced_status_when_there_is_one(string answer, string key) =>
        Assert.Equal(key, RefusalStreak.Key(answer));

    [Fact]
    public void Refusals_are_held_until_the_relay_answers_another_message_then_believed_in_order()
    {
        var streak = new RefusalStreak(5);

        Assert.Empty(streak.Refused(Item(1), NoMailbox).Believed);
        Assert.Empty(streak.Refused(Item(2), NoMailbox).Believed);
        var believed = streak.OtherAnswer();

        Assert.Equal([1, 2], Ids(believed));
        Assert.All(believed, b => Assert.Same(NoMailbox, b.Result));
        Assert.Empty(streak.OtherAnswer());
        Assert.Null(streak.Tripped);
    }

    [Fact]
    public void A_different_refusal_believes_the_streak_before_it_and_starts_its_own()
    {
        var streak = new RefusalStreak(3);
        streak.Refused(Item(1), NoMailbox);
        streak.Refused(Item(2), NoMailbox);

        var step = streak.Refused(Item(3), RelayDenied);
        Assert.Equal([1, 2], Ids(step.Believed));
        Assert.False(step.IsRelayRefusal);

        streak.Refused(Item(4), RelayDenied);
        var third = streak.Refused(Item(5), RelayDenied);
        Assert.True(third.IsRelayRefusal);
        Assert.Equal([3, 4, 5], Ids(third.PutBack));
    }

    [Fact]
    public void The_limit_makes_the_refusal_the_relay_s_and_every_later_refusal_goes_back_too()
    {
        var streak = new RefusalStreak(3);
        streak.Refused(Item(1), RelayDenied);
        streak.Refused(Item(2), RelayDenied);

        var step = streak.Refused(Item(3), RelayDenied);
        var late = streak.Refused(Item(4), NoMailbox);

        Assert.True(step.IsRelayRefusal);
        Assert.Empty(step.Believed);
        Assert.Equal([1, 2, 3], Ids(step.PutBack));
        Assert.Same(RelayDenied, streak.Tripped);
        Assert.Equal([4], Ids(late.PutBack));
        Assert.Empty(streak.OtherAnswer());
        Assert.Empty(streak.End().Believed);
    }

    [Fact]
    public void A_run_whose_every_answer_was_the_same_refusal_is_refused_by_the_relay_however_short()
    {
        var streak = new RefusalStreak(5);
        streak.Refused(Item(1), RelayDenied);
        streak.Refused(Item(2), RelayDenied);

        var end = streak.End();

        Assert.True(end.IsRelayRefusal);
        Assert.Equal([1, 2], Ids(end.PutBack));
        Assert.Same(RelayDenied, streak.Tripped);
    }

    [Fact]
    public void At_the_end_a_lone_refusal_or_one_after_other_answers_is_believed()
    {
        var lone = new RefusalStreak(5);
        lone.Refused(Item(1), NoMailbox);
        Assert.Equal([1], Ids(lone.End().Believed));

        var after = new RefusalStreak(5);
        after.OtherAnswer();
        after.Refused(Item(2), NoMailbox);
        after.Refused(Item(3), NoMailbox);
        var end = after.End();
        Assert.False(end.IsRelayRefusal);
        Assert.Equal([2, 3], Ids(end.Believed));
    }

    [Fact]
    public void Abandoned_refusals_are_neither_believed_nor_blamed()
    {
        var streak = new RefusalStreak(5);
        streak.Refused(Item(1), NoMailbox);

        Assert.Equal([1], Ids(streak.Abandon()));
        Assert.Empty(streak.End().Believed);
    }

    [Fact]
    public void A_limit_of_zero_believes_every_refusal_at_once()
    {
        var streak = new RefusalStreak(0);
        for (var id = 1; id <= 10; id++)
        {
            var step = streak.Refused(Item(id), RelayDenied);
            Assert.Equal([id], Ids(step.Believed));
            Assert.False(step.IsRelayRefusal);
        }

        Assert.False(streak.End().IsRelayRefusal);
    }
}
