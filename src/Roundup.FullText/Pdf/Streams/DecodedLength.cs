using System.Buffers;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Roundup.FullText.Pdf.Streams;

/// <summary>
/// How many bytes a PDF filter will produce from its input: Flate is inflated into a scratch buffer and counted
/// (and kept, when asked), LZW and run-length are walked code by code. Counting stops one byte past
/// <c>cap</c>, so a compression bomb costs the cap's worth of inflating and no memory.
/// </summary>
internal static class DecodedLength
{
    private const int ScratchLength = 64 * 1024;

    /// <summary>
    /// Inflated length of a zlib stream (its two header bytes skipped, as PdfPig does), counted up to one byte past
    /// <paramref name="cap"/>; with <paramref name="keep"/> the bytes are kept too, unless the stream is damaged
    /// (PdfPig then keeps the raw input) or over the cap (the document is refused).
    /// </summary>
    public static (long Length, Memory<byte>? Output) Inflate(ReadOnlyMemory<byte> input, long cap, bool keep)
    {
        if (input.Length <= 2)
        {
            return (0, keep ? Memory<byte>.Empty : null);
        }

        var scratch = ArrayPool<byte>.Shared.Rent(ScratchLength);
        try
        {
            using var compressed = AsStream(input[2..]);
            using var inflater = new DeflateStream(compressed, CompressionMode.Decompress);
            using var output = keep ? new MemoryStream(Math.Min(input.Length * 4, ScratchLength * 16)) : null;
            long total = 0;
            var damaged = false;
            while (total <= cap)
            {
                int read;
                try
                {
                    read = inflater.Read(scratch, 0, (int)Math.Min(scratch.Length, cap + 1 - total));
                }
                catch (InvalidDataException)
                {
                    damaged = true;   // PdfPig gives up on the stream and keeps its raw bytes
                    break;
                }

                if (read == 0)
                {
                    break;
                }

                total += read;
                if (total <= cap)
                {
                    output?.Write(scratch, 0, read);
                }
            }

            if (damaged)
            {
                return (input.Length, null);
            }

            return (total, output is null || total > cap ? null : output.GetBuffer().AsMemory(0, (int)output.Length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>Decoded length of LZW data (ISO 32000-1 7.4.4): each code adds the length of its table entry.</summary>
    public static long Lzw(ReadOnlySpan<byte> input, bool earlyChange, long cap)
    {
        const int clear = 256, end = 257, first = 258, tableSize = 4096;
        var lengths = new int[tableSize];
        var next = first;
        var width = 9;
        var previous = -1;
        long total = 0;
        var bitPosition = 0L;
        var bits = (long)input.Length * 8;
        while (bitPosition + width <= bits && total <= cap)
        {
            var code = ReadBits(input, bitPosition, width);
            bitPosition += width;
            if (code == clear)
            {
                next = first;
                width = 9;
                previous = -1;
                continue;
            }

            if (code == end)
            {
                break;
            }

            int length;
            if (code < 256)
            {
                length = 1;
            }
            else if (code < next && code >= first)
            {
                length = lengths[code];
            }
            else if (code == next && previous >= 0)
            {
                length = Length(previous, lengths) + 1;
            }
            else
            {
                break;   // not a code the table holds: the decoder stops here too
            }

            total += length;
            if (previous >= 0 && next < tableSize)
            {
                lengths[next++] = Length(previous, lengths) + 1;
            }

            previous = code;
            if (width < 12 && next + (earlyChange ? 1 : 0) >= 1 << width)
            {
                width++;
            }
        }

        return total;
    }

    /// <summary>Decoded length of run-length data: a length byte copies up to 128 bytes or repeats one byte up to 128 times.</summary>
    public static long RunLength(ReadOnlySpan<byte> input, long cap)
    {
        long total = 0;
        var i = 0;
        while (i < input.Length && total <= cap)
        {
            var length = input[i];
            if (length == 128)
            {
                break;
            }

            if (length < 128)
            {
                total += length + 1;
                i += length + 2;
            }
            else
            {
                total += 257 - length;
                i += 2;
            }
        }

        return total;
    }

    /// <summary>Decoded length of ASCII85 data: five characters make four bytes, <c>z</c> makes four, <c>~&gt;</c> ends it.</summary>
    public static long Ascii85(ReadOnlySpan<byte> input)
    {
        long total = 0;
        var group = 0;
        for (var i = 0; i < input.Length; i++)
        {
            var c = input[i];
            if (c == '~')
            {
                break;
            }

            if (c == 'z' && group == 0)
            {
                total += 4;
            }
            else if (c is >= (byte)'!' and <= (byte)'u' && ++group == 5)
            {
                total += 4;
                group = 0;
            }
        }

        return total + Math.Max(0, group - 1);
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> bytes) =>
        MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Array is { } array
            ? new MemoryStream(array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(bytes.ToArray(), writable: false);

    private static int Length(int code, int[] lengths) => code < 256 ? 1 : lengths[code];

    private static int ReadBits(ReadOnlySpan<byte> input, long bitPosition, int width)
    {
        var value = 0;
        for (var b = 0; b < width; b++)
        {
            var position = bitPosition + b;
            var bit = (input[(int)(position >> 3)] >> (7 - (int)(position & 7))) & 1;
            value = (value << 1) | bit;
        }

        return value;
    }
}
