using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Roundup.FullText.Latex;

/// <summary>
/// The text files of a LaTeX submission, read into memory only: a single .tex, a gzipped .tex, or a (gzipped) tar.
/// Archive paths are never trusted: absolute paths, <c>..</c> segments and links refuse the whole archive, and
/// entry count, entry size and total inflated size are bounded while streaming.
/// </summary>
internal static class SourceArchive
{
    private static readonly string[] TextExtensions = [".tex", ".bbl", ".ltx", ".latex"];

    public static Dictionary<string, string> Load(byte[] bytes, string source, FullTextLimits limits)
    {
        var kind = ContentSniffer.Detect(bytes);
        if (kind == ContentSniffer.Kind.Gzip)
        {
            return IsTar(Gunzip(bytes, source, limits), source) ? ReadTar(Gunzip(bytes, source, limits), source, limits) : SingleGzippedFile(bytes, source, limits);
        }

        if (kind == ContentSniffer.Kind.Tar)
        {
            return ReadTar(new LimitedReadStream(new MemoryStream(bytes, writable: false), limits.MaxUncompressedBytes, source), source, limits);
        }

        return new Dictionary<string, string>(StringComparer.Ordinal) { [Path.GetFileName(source)] = Decode(bytes) };
    }

    private static LimitedReadStream Gunzip(byte[] bytes, string source, FullTextLimits limits)
    {
        GZipStream? gzip = null;
        try
        {
            gzip = new GZipStream(new MemoryStream(bytes, writable: false), CompressionMode.Decompress);
            var limited = new LimitedReadStream(gzip, limits.MaxUncompressedBytes, source);
            gzip = null;
            return limited;
        }
        finally
        {
            gzip?.Dispose();
        }
    }

    private static bool IsTar(LimitedReadStream stream, string source)
    {
        using (stream)
        {
            var head = new byte[512];
            try
            {
                var n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
                return ContentSniffer.IsTar(head.AsSpan(0, n));
            }
            catch (InvalidDataException e)
            {
                throw new FullTextException(source, $"the gzip data is corrupt ({e.Message})", e);
            }
        }
    }

    private static Dictionary<string, string> SingleGzippedFile(byte[] bytes, string source, FullTextLimits limits)
    {
        using var stream = Gunzip(bytes, source, limits);
        using var memory = new MemoryStream();
        try
        {
            stream.CopyTo(memory);
        }
        catch (InvalidDataException e)
        {
            throw new FullTextException(source, $"the gzip data is corrupt ({e.Message})", e);
        }

        var name = Path.GetFileNameWithoutExtension(source);
        return new Dictionary<string, string>(StringComparer.Ordinal) { [name.EndsWith(".tex", StringComparison.OrdinalIgnoreCase) ? name : name + ".tex"] = Decode(memory.ToArray()) };
    }

    private static Dictionary<string, string> ReadTar(Stream stream, string source, FullTextLimits limits)
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new TarReader(stream, leaveOpen: false);
        var count = 0;
        try
        {
            while (reader.GetNextEntry(copyData: false) is { } entry)
            {
                if (++count > limits.MaxArchiveEntries)
                {
                    throw new FullTextException(source, $"the archive has more than {limits.MaxArchiveEntries:N0} entries");
                }

                var name = SafeName(entry, source);
                if (name is null || entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile))
                {
                    continue;
                }

                if (entry.Length > limits.MaxEntryBytes)
                {
                    throw new FullTextException(source, $"archive entry '{name}' is {entry.Length:N0} bytes, over the limit of {limits.MaxEntryBytes:N0}");
                }

                if (IsText(name) && entry.DataStream is { } data)
                {
                    using var memory = new MemoryStream();
                    data.CopyTo(memory);
                    files[name] = Decode(memory.ToArray());
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new FullTextException(source, $"the archive is corrupt ({e.Message})", e);
        }

        return files;
    }

    /// <summary>The entry's path, or null for entries to skip; refuses the archive for traversal and links.</summary>
    private static string? SafeName(TarEntry entry, string source)
    {
        var name = entry.Name.Replace('\\', '/');
        if (entry.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink)
        {
            throw new FullTextException(source, $"archive entry '{name}' is a {(entry.EntryType == TarEntryType.SymbolicLink ? "symbolic" : "hard")} link to '{entry.LinkName}'; links are refused");
        }

        if (name.StartsWith('/') || (name.Length > 1 && name[1] == ':') || name.Split('/').Any(s => s == ".."))
        {
            throw new FullTextException(source, $"archive entry '{name}' points outside the archive (absolute path or '..'); refused");
        }

        while (name.StartsWith("./", StringComparison.Ordinal))
        {
            name = name[2..];
        }

        var fileName = name[(name.LastIndexOf('/') + 1)..];
        return name.Length == 0 || fileName.StartsWith("._", StringComparison.Ordinal) || name.StartsWith("__MACOSX/", StringComparison.Ordinal) ? null : name;
    }

    private static bool IsText(string name) => TextExtensions.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    private static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }
}
