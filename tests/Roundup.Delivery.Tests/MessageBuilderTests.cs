using MimeKit;
using Roundup.Delivery.Tokens;

namespace Roundup.Delivery.Tests;

public sealed class MessageBuilderTests : IAsyncLifetime
{
    private DeliveryFixture _f = null!;

    public async ValueTask InitializeAsync() => _f = await DeliveryFixture.CreateAsync();

    public async ValueTask DisposeAsync() => await _f.DisposeAsync();

    private static OutboxItem Item(long id, string email, string? name) => new(
        new OutboxRow(DeliveryFixture.Week, id, OutboxState.Sending, 1, null, $"abc{id}@roundup.example.org", null, DateTimeOffset.UnixEpoch),
        new Subscriber(id, email, name, SubscriberStatus.Active, DateTimeOffset.UnixEpoch, null));

    /// <summary>Writes the message out and reads it back, as a receiver would.</summary>
    private static MimeMessage RoundTrip(MimeMessage message)
    {
        using var bytes = new MemoryStream();
        message.WriteTo(bytes);
        bytes.Position = 0;
        return MimeMessage.Load(bytes);
    }

    [Fact]
    public void The_message_has_both_parts_its_fixed_id_and_one_click_unsubscribe_headers()
    {
        using var built = _f.Builder.Build(Item(42, "ada@example.org", "Ada"), new TestContent());
        var message = RoundTrip(built);

        Assert.Equal("abc42@roundup.example.org", message.MessageId);
        Assert.Equal("Roundup 2025-W26: sparse attention, faster", message.Subject);
        Assert.Equal("\"Ada\" <ada@example.org>", message.To.ToString());
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);

        var listUnsubscribe = message.Headers["List-Unsubscribe"]!.Replace("\r\n", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        var match = System.Text.RegularExpressions.Regex.Match(listUnsubscribe, "^<(https://roundup\\.example\\.org/list/unsubscribe\\?t=([^>]+))>, *<mailto:unsubscribe@roundup\\.example\\.org\\?subject=unsubscribe%20\\2>$");
        Assert.True(match.Success, listUnsubscribe);
        var check = _f.Signer.Check(match.Groups[2].Value, TokenPurpose.Unsubscribe);
        Assert.Equal((42L, DeliveryFixture.Week.ToString()), (check.Token!.SubscriberId, check.Token.Week));
        Assert.Contains(match.Groups[1].Value, message.TextBody, StringComparison.Ordinal);
        Assert.Contains(match.Groups[1].Value, message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Hello Ada", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_subscriber_gets_a_link_of_their_own()
    {
        using var ada = _f.Builder.Build(Item(1, "ada@example.org", null), new TestContent());
        using var bob = _f.Builder.Build(Item(2, "bob@example.org", null), new TestContent());
        Assert.NotEqual(ada.Headers["List-Unsubscribe"], bob.Headers["List-Unsubscribe"]);
    }

    [Fact]
    public void A_subject_with_a_line_break_is_refused_rather_than_sent()
    {
        var e = Assert.Throws<FormatException>(() => _f.Builder.Build(Item(1, "ada@example.org", null), new TestContent("Issue\r\nBcc: everyone@example.org")));
        Assert.Contains("subject", e.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => _f.Builder.Build(Item(1, "ada@example.org", "Ada\nBcc: x@example.org"), new TestContent()));
    }

    [Fact]
    public void Names_with_quotes_commas_and_non_ascii_come_back_exactly_and_add_no_recipient()
    {
        const string name = "Lovelace, Ada \"Countess\" <ada@evil.example> Ünïcødé";
        using var built = _f.Builder.Build(Item(1, "ada@example.org", name), new TestContent("Überblick: «attention», 3× faster"));
        var message = RoundTrip(built);
        var to = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal((name, "ada@example.org"), (to.Name, to.Address));
        Assert.Equal("Überblick: «attention», 3× faster", message.Subject);
        Assert.Empty(message.Cc);
        Assert.Empty(message.Bcc);
    }

    [Fact]
    public void The_confirmation_message_carries_a_confirm_link_for_the_subscriber()
    {
        var subscriber = new Subscriber(9, "new@example.org", null, SubscriberStatus.Pending, DateTimeOffset.UnixEpoch, null);
        using var message = _f.Builder.BuildConfirmation(subscriber);
        var link = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", "https://roundup\\.example\\.org/list/confirm\\?t=(\\S+)");
        Assert.True(link.Success, message.TextBody);
        Assert.Equal(9, _f.Signer.Check(link.Groups[1].Value, TokenPurpose.Confirm).Token!.SubscriberId);
    }

    [Fact]
    public void Messages_share_no_address_object_with_the_list_so_a_sent_message_can_be_collected()
    {
        // MimeKit's address lists subscribe to their addresses' change events: a shared sender object would hold
        // every message built from it (the delivery benchmark's memory grew ~13 KB a message until this).
        using var first = _f.Builder.Build(Item(1, "a@example.org", null), new TestContent());
        using var second = _f.Builder.Build(Item(2, "b@example.org", null), new TestContent());

        Assert.NotSame(_f.Builder.List.From, first.From[0]);
        Assert.NotSame(first.From[0], second.From[0]);
        Assert.Equal(_f.Builder.List.From.ToString(), first.From[0].ToString());
    }
}
