using System.Text.RegularExpressions;
using MimeKit;

namespace Roundup.Delivery.Addresses;

/// <summary>
/// Decides whether text is one deliverable address: MimeKit must parse it as a single bare mailbox, and it must also
/// pass a plain syntax check (one @, a dotted domain of letters, digits and hyphens, RFC 5321 lengths, no spaces or
/// control characters), which rejects what MimeKit tolerates but relays refuse.
/// </summary>
public static partial class EmailAddress
{
    /// <summary>Null when <paramref name="text"/> is a valid address, otherwise why it is not.</summary>
    public static string? Problem(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "the address is empty";
        }

        var address = text.Trim();
        if (address.Any(char.IsControl))
        {
            return "the address contains a line break or another control character";
        }

        if (address.Length > 254)
        {
            return "the address is longer than 254 characters";
        }

        if (!address.Contains('@', StringComparison.Ordinal))
        {
            return $"'{address}' is not an e-mail address: it has no @";
        }

        if (!MailboxAddress.TryParse(ParserOptions.Default, address, out var mailbox) || mailbox.Address != address)
        {
            return $"'{address}' is not a single e-mail address";
        }

        var at = address.LastIndexOf('@');
        if (at <= 0 || at > 64)
        {
            return $"'{address}' needs a local part of 1 to 64 characters before the @";
        }

        return Syntax().IsMatch(address) ? null : $"'{address}' is not a valid e-mail address (expected name@example.org)";
    }

    public static bool IsValid(string? text) => Problem(text) is null;

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")]
    private static partial Regex Syntax();
}
