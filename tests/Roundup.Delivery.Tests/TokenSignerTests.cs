using System.Text;
using Microsoft.Extensions.Time.Testing;
using Roundup.Delivery.Tokens;

namespace Roundup.Delivery.Tests;

public sealed class TokenSignerTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 23, 8, 0, 0, TimeSpan.Zero));

    private TokenSigner Signer(string secret = DeliveryFixture.Secret) => TokenSigner.FromSecret(secret, _time);

    [Fact]
    public void A_token_says_who_for_what_and_which_issue()
    {
        var token = Signer().Create(TokenPurpose.Unsubscribe, 42, "2025-W26", TimeSpan.FromDays(365));
        Assert.Matches("^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$", token);
        var check = Signer().Check(token, TokenPurpose.Unsubscribe);
        Assert.True(check.IsValid, check.Problem);
        Assert.Equal((42L, "2025-W26"), (check.Token!.SubscriberId, check.Token.Week));
    }

    [Fact]
    public void A_changed_payload_or_another_secret_fails_the_signature()
    {
        var token = Signer().Create(TokenPurpose.Unsubscribe, 42, "2025-W26", TimeSpan.FromDays(1));
        var otherSubscriber = Signer().Create(TokenPurpose.Unsubscribe, 43, "2025-W26", TimeSpan.FromDays(1));
        var forged = otherSubscriber.Split('.')[0] + "." + token.Split('.')[1];
        Assert.Contains("signature", Signer().Check(forged, TokenPurpose.Unsubscribe).Problem, StringComparison.Ordinal);
        Assert.False(Signer("another secret, also long enough for the HMAC key").Check(token, TokenPurpose.Unsubscribe).IsValid);
        var flipped = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        Assert.False(Signer().Check(flipped, TokenPurpose.Unsubscribe).IsValid);
    }

    [Fact]
    public void A_token_cannot_be_used_after_it_expires()
    {
        var token = Signer().Create(TokenPurpose.Confirm, 7, "", TimeSpan.FromDays(7));
        _time.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.True(Signer().Check(token, TokenPurpose.Confirm).IsValid);
        _time.Advance(TimeSpan.FromSeconds(1));
        var expired = Signer().Check(token, TokenPurpose.Confirm);
        Assert.False(expired.IsValid);
        Assert.Contains("expired on 2025-06-30 08:00", expired.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_for_one_purpose_is_refused_for_the_other()
    {
        var unsubscribe = Signer().Create(TokenPurpose.Unsubscribe, 7, "2025-W26", TimeSpan.FromDays(1));
        Assert.Contains("not a confirm link", Signer().Check(unsubscribe, TokenPurpose.Confirm).Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData(".")]
    [InlineData("***.***")]
    [InlineData("AAAA.AAAA")]
    public void Garbage_is_refused_without_an_exception(string? token) =>
        Assert.False(Signer().Check(token, TokenPurpose.Unsubscribe).IsValid);

    [Fact]
    public void A_short_secret_is_refused()
    {
        var e = Assert.Throws<FormatException>(() => TokenSigner.FromSecret("short", _time));
        Assert.Contains("Mail:Secret must be at least 32", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new TokenSigner(Encoding.UTF8.GetBytes("short"), _time));
    }
}
