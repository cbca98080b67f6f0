using System.Text;
using System.Xml;

namespace Roundup.Publishing.Feeds;

/// <summary>Runs an XmlWriter into a UTF-8 string (declaring UTF-8, not the UTF-16 a StringWriter would declare).</summary>
internal static class XmlOutput
{
    public static string Write(Action<XmlWriter> write, bool declaration = true)
    {
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
            OmitXmlDeclaration = !declaration,
            CheckCharacters = true,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
