namespace Roundup.Arxiv.Xml;

/// <summary>
/// An answer that is not what the interface promises: malformed or truncated XML, an HTML error page, a DTD.
/// Names the source (URL or file) and, where known, the line and column.
/// </summary>
public sealed class ArxivFormatException : Exception
{
    public ArxivFormatException(string location, string message, int? line = null, int? column = null, Exception? inner = null)
        : base($"{location}{(line is null ? "" : $" (line {line}, column {column})")}: {message}", inner)
    {
        Location = location;
        Line = line;
        Column = column;
    }

    public string Location { get; }

    public int? Line { get; }

    public int? Column { get; }
}
