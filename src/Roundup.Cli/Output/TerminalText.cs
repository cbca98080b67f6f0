using System.Globalization;
using System.Text;

namespace Roundup.Cli.Output;

/// <summary>
/// Text from papers and input files made safe to print: C0 and C1 controls (escape sequences), DEL, Unicode format
/// characters (bidi overrides and isolates, zero-width characters, soft hyphens, tags), line and paragraph separators
/// and lone surrogates are shown as <c>\uXXXX</c> (<c>\UXXXXXXXX</c> beyond the BMP), so nothing printed can move
/// the cursor, recolour, retitle or reorder the terminal, or hide text. Only what is printed changes, never the store.
/// </summary>
public static class TerminalText
{
    private enum Style
    {
        Line,   // everything unsafe escaped, line breaks and tabs too
        Block,  // '\n' and '\t' kept
        Json,   // JSON's own whitespace kept, the rest in JSON's escapes (UTF-16 units): the same JSON value
    }

    /// <summary>One line (a title, a table cell): line breaks and tabs are escaped too.</summary>
    public static string Line(string? text) => Escape(text, Style.Line);

    /// <summary>Lines of text (a message, a document): '\n' and '\t' are kept, everything else unsafe escaped.</summary>
    public static string Block(string? text) => Escape(text, Style.Block);

    /// <summary>
    /// JSON text with what its encoder leaves raw (format characters such as bidi overrides, line and paragraph
    /// separators) escaped as <c>\uXXXX</c>: they can only stand inside strings, so it reads as the same JSON value.
    /// </summary>
    public static string Json(string json) => Escape(json, Style.Json);

    /// <summary>
    /// A document (Markdown, HTML, a feed) for stdout: escaped as a <see cref="Block"/> when stdout is a terminal,
    /// byte for byte when it goes to a file or a pipe (as <c>ls</c> does with file names).
    /// </summary>
    public static string Document(string text) => Console.IsOutputRedirected ? text : Block(text);

    private static string Escape(string? text, Style style)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var span = text.AsSpan();
        var first = 0;
        while (first < span.Length && IsPlain(span[first], style))
        {
            first++;
        }

        if (first == span.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        builder.Append(span[..first]);
        var rest = span[first..];
        while (!rest.IsEmpty)
        {
            if (IsPlain(rest[0], style))
            {
                builder.Append(rest[0]);
                rest = rest[1..];
                continue;
            }

            var status = Rune.DecodeFromUtf16(rest, out var rune, out var used);
            if (status == System.Buffers.OperationStatus.Done && !IsUnsafe(rune))
            {
                builder.Append(rest[..used]);
            }
            else if (status != System.Buffers.OperationStatus.Done || rune.IsBmp || style == Style.Json)
            {
                used = status == System.Buffers.OperationStatus.Done ? used : 1; // a lone surrogate is one unit
                foreach (var unit in rest[..used])
                {
                    builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)unit:X4}");
                }
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\U{rune.Value:X8}");
            }

            rest = rest[used..];
        }

        return builder.ToString();
    }

    // Printable ASCII and the layout characters the style keeps; anything else is looked at as a code point.
    private static bool IsPlain(char c, Style style) => c is >= ' ' and < '\u007F' || style switch
    {
        Style.Block => c is '\n' or '\t',
        Style.Json => c is '\n' or '\t' or '\r',
        _ => false,
    };

    private static bool IsUnsafe(Rune rune) => Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate;
}
