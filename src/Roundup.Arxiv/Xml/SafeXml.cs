using System.Xml;
using System.Xml.Linq;

namespace Roundup.Arxiv.Xml;

/// <summary>
/// Loads XML from arXiv without trusting it: DTDs prohibited (no external entities, no entity expansion bombs),
/// no resolver, bounded size; an HTML page where XML was expected is named as such.
/// </summary>
public static class SafeXml
{
    public const long MaxCharacters = 200_000_000;

    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        Async = false,
    };

    /// <summary>Parses a whole document, or throws <see cref="ArxivFormatException"/> naming <paramref name="location"/>.</summary>
    public static XDocument Load(string text, string location)
    {
        RejectHtml(text, location);
        try
        {
            using var reader = XmlReader.Create(new StringReader(text), Settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            throw new ArxivFormatException(location, Describe(e), e.LineNumber, e.LinePosition, e);
        }
    }

    /// <summary>Throws when the text is an HTML page (a proxy's or server's error page) rather than XML.</summary>
    public static void RejectHtml(string text, string location)
    {
        var start = text.AsSpan().TrimStart();
        if (start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            var snippet = start[..Math.Min(start.Length, 120)].ToString().ReplaceLineEndings(" ");
            throw new ArxivFormatException(location, $"expected XML but got an HTML page: \"{snippet}\"");
        }

        if (start.IsEmpty)
        {
            throw new ArxivFormatException(location, "the answer is empty");
        }
    }

    private static string Describe(XmlException e) =>
        e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase)
            ? "DTDs are not accepted (they allow entity expansion and external entities): " + e.Message
            : e.Message;
}
