using Roundup.Delivery.Addresses;

namespace Roundup.Delivery.Tests;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("ada@example.org")]
    [InlineData("ada.lovelace+roundup@mail.example.co.uk")]
    [InlineData("o'brien@example.ie")]
    public void Ordinary_addresses_are_valid(string address) => Assert.Null(EmailAddress.Problem(address));

    [Theory]
    [InlineData("", "empty")]
    [InlineData("ada", "it has no @")]
    [InlineData("ada@localhost", "not a valid e-mail address")]
    [InlineData("ada@@example.org", "e-mail address")]
    [InlineData("Ada <ada@example.org>", "not a single e-mail address")]
    [InlineData("ada@example.org, bob@example.org", "not a single e-mail address")]
    [InlineData("ada@example.org\r\nBcc: everyone@example.org", "line break")]
    [InlineData("ada @example.org", "e-mail address")]
    [InlineData("ada@exa_mple.org", "not a valid e-mail address")]
    [InlineData(".ada@example.org", "e-mail address")]
    public void Malformed_or_dangerous_addresses_are_refused_with_a_reason(string address, string reason) =>
        Assert.Contains(reason, EmailAddress.Problem(address), StringComparison.Ordinal);

    [Fact]
    public void A_local_part_longer_than_64_characters_is_refused() =>
        Assert.Contains("1 to 64", EmailAddress.Problem(new string('a', 65) + "@example.org"), StringComparison.Ordinal);

    [Fact]
    public void Header_text_with_a_line_break_is_refused_naming_the_field()
    {
        Assert.Null(HeaderText.Problem("Ada Lovelace, \"the first\"", "name"));
        var e = Assert.Throws<FormatException>(() => HeaderText.Require("Hi\r\nBcc: x@example.org", "subject"));
        Assert.Contains("subject", e.Message, StringComparison.Ordinal);
    }
}
