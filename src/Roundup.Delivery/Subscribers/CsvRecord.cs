namespace Roundup.Delivery.Subscribers;

/// <summary>
/// One record of a CSV file: its text (lines joined by LF when a quoted field spans them), the lines it came from, and
/// why its quoting is refused, if it is (then <see cref="Text"/> is its first line only).
/// </summary>
public sealed record CsvRecord(int FirstLine, int LastLine, string Text, string? Problem);
