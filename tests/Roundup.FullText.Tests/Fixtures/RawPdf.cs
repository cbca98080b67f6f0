using System.IO.Compression;
using System.Text;

namespace Roundup.FullText.Tests.Fixtures;

/// <summary>
/// PDFs written object by object, for what PdfPig's builder cannot make: layers, clipping, raw content streams,
/// compressed streams and hostile structures. Object 1 is the catalog, 2 the page tree, 3 and 4 Helvetica and
/// Helvetica-Bold (<c>/F1</c>, <c>/F2</c>); <see cref="Add"/> returns the number of each further object.
/// </summary>
public sealed class RawPdf
{
    private readonly List<byte[]> _objects = [[], [], Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"), Ascii("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>")];
    private readonly List<int> _pages = [];

    /// <summary>Extra entries for the catalog, such as <c>/OCProperties</c>.</summary>
    public string CatalogExtra { get; set; } = "";

    /// <summary>Page tree kids written as given (a page repeated, say) instead of the pages added.</summary>
    public string? KidsOverride { get; set; }

    public int Add(string body) => Add(Ascii(body));

    public int Add(byte[] body)
    {
        _objects.Add(body);
        return _objects.Count;
    }

    /// <summary>A stream object, Flate-compressed when <paramref name="compress"/> is set.</summary>
    public int AddStream(byte[] data, string dictionaryExtra = "", bool compress = false)
    {
        var bytes = compress ? Deflate(data) : data;
        var head = Ascii($"<< /Length {bytes.Length}{(compress ? " /Filter /FlateDecode" : "")} {dictionaryExtra} >>\nstream\n");
        return Add([.. head, .. bytes, .. Ascii("\nendstream")]);
    }

    /// <summary>A US Letter page drawing <paramref name="contents"/> (object numbers or a reference array), with the two fonts, <paramref name="fontsExtra"/> and <paramref name="resourcesExtra"/>.</summary>
    public int AddPage(string contents, string resourcesExtra = "", string fontsExtra = "")
    {
        var page = Add($"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {contents} /Resources << /Font << /F1 3 0 R /F2 4 0 R {fontsExtra} >> {resourcesExtra} >> >>");
        _pages.Add(page);
        return page;
    }

    public int AddPage(byte[] content, string resourcesExtra = "", bool compress = false, string fontsExtra = "") =>
        AddPage($"{AddStream(content, compress: compress)} 0 R", resourcesExtra, fontsExtra);

    public byte[] Build()
    {
        var kids = KidsOverride ?? string.Join(" ", _pages.Select(p => $"{p} 0 R"));
        var count = KidsOverride is null ? _pages.Count : KidsOverride.Split(" R").Length - 1;
        _objects[0] = Ascii($"<< /Type /Catalog /Pages 2 0 R {CatalogExtra} >>");
        _objects[1] = Ascii($"<< /Type /Pages /Kids [{kids}] /Count {count} >>");
        using var pdf = new MemoryStream();
        pdf.Write(Ascii("%PDF-1.5\n%\u00e2\u00e3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < _objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Ascii($"{i + 1} 0 obj\n"));
            pdf.Write(_objects[i]);
            pdf.Write(Ascii("\nendobj\n"));
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {_objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
        {
            table.Append($"{offset:D10} 00000 n \n");
        }

        table.Append($"trailer\n<< /Size {_objects.Count + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Ascii(table.ToString()));
        return pdf.ToArray();
    }

    /// <summary>zlib data that inflates to <paramref name="length"/> copies of <paramref name="fill"/>, written without holding them.</summary>
    public static byte[] DeflateRepeated(long length, byte fill = (byte)' ')
    {
        var chunk = new byte[1 << 20];
        Array.Fill(chunk, fill);
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            for (var left = length; left > 0; left -= chunk.Length)
            {
                zlib.Write(chunk, 0, (int)Math.Min(left, chunk.Length));
            }
        }

        return output.ToArray();
    }

    public static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>A stream object whose data is already Flate-compressed.</summary>
    public int AddCompressedStream(byte[] compressed, string dictionaryExtra = "")
    {
        var head = Ascii($"<< /Length {compressed.Length} /Filter /FlateDecode {dictionaryExtra} >>\nstream\n");
        return Add([.. head, .. compressed, .. Ascii("\nendstream")]);
    }

    public static byte[] Ascii(string s) => Encoding.Latin1.GetBytes(s);
}
