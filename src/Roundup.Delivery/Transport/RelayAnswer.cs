using System.Text.RegularExpressions;

namespace Roundup.Delivery.Transport;

/// <summary>Relay answers often quote the recipient; what is stored and logged has every address replaced.</summary>
public static partial class RelayAnswer
{
    public const int MaxLength = 300;

    public static string Scrub(string? answer)
    {
        var text = Address().Replace((answer ?? "").ReplaceLineEndings(" ").Trim(), "<address>");
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    [GeneratedRegex(@"<?[^\s<>@]+@[^\s<>@]+>?")]
    private static partial Regex Address();
}
