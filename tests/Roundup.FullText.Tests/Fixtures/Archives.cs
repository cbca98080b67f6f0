using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Roundup.FullText.Tests.Fixtures;

/// <summary>Tarballs and gzip streams built in memory for the archive tests.</summary>
public static class Archives
{
    public static byte[] TarGz(params (string Name, string Content)[] files) =>
        TarGz(writer =>
        {
            foreach (var (name, content) in files)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(Encoding.UTF8.GetBytes(content)) });
            }
        });

    public static byte[] TarGz(Action<TarWriter> write)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
        {
            write(writer);
        }

        return output.ToArray();
    }

    /// <summary>Gzip of <paramref name="bytes"/> zero bytes, compressed in chunks: the zeros never exist in memory at once.</summary>
    public static byte[] GzippedZeros(long bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            for (long written = 0; written < bytes; written += chunk.Length)
            {
                gzip.Write(chunk, 0, (int)Math.Min(chunk.Length, bytes - written));
            }
        }

        return output.ToArray();
    }
}
