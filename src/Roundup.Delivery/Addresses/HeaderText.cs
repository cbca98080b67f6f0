namespace Roundup.Delivery.Addresses;

/// <summary>Text that goes into a header (a name, a subject): a line break there could start a header of its own.</summary>
public static class HeaderText
{
    /// <summary>Null when <paramref name="text"/> can be a header value, otherwise why not.</summary>
    public static string? Problem(string? text, string what) =>
        text is not null && text.Any(char.IsControl) ? $"the {what} contains a line break or another control character" : null;

    /// <summary>Returns <paramref name="text"/>, or throws naming <paramref name="what"/> when it holds a control character.</summary>
    public static string Require(string text, string what) =>
        Problem(text, what) is { } problem ? throw new FormatException(problem) : text;
}
