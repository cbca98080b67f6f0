using System.Text;

namespace Roundup.FullText;

/// <summary>What a file holds, judged from its first bytes rather than its name.</summary>
public static class ContentSniffer
{
    public enum Kind
    {
        Unknown,
        Empty,
        Pdf,
        Gzip,
        Tar,
        Html,
        Latex,
    }

    public static Kind Detect(ReadOnlySpan<byte> head)
    {
        if (head.IsEmpty)
        {
            return Kind.Empty;
        }

        if (head.Length >= 2 && head[0] == 0x1f && head[1] == 0x8b)
        {
            return Kind.Gzip;
        }

        // The PDF header may follow a little junk; readers accept it within the first 1 KB.
        if (head[..Math.Min(head.Length, 1024)].IndexOf("%PDF-"u8) >= 0)
        {
            return Kind.Pdf;
        }

        if (IsTar(head))
        {
            return Kind.Tar;
        }

        var text = Encoding.UTF8.GetString(head[..Math.Min(head.Length, 4096)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
            || (text.StartsWith('<') && text.Contains("<body", StringComparison.OrdinalIgnoreCase)))
        {
            return Kind.Html;
        }

        return text.Contains("\\documentclass", StringComparison.Ordinal)
            || text.Contains("\\begin{document}", StringComparison.Ordinal)
            || text.Contains("\\section", StringComparison.Ordinal)
            ? Kind.Latex
            : Kind.Unknown;
    }

    public static bool IsTar(ReadOnlySpan<byte> head) => head.Length >= 262 && head.Slice(257, 5).SequenceEqual("ustar"u8);

    public static bool LooksLikeHtml(ReadOnlySpan<byte> head) => Detect(head) == Kind.Html;
}
