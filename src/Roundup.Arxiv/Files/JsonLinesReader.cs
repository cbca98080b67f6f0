using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Roundup.Harvesting;

namespace Roundup.Arxiv.Files;

/// <summary>
/// Reads JSON-lines files in pages of a fixed number of lines, in bounded memory, straight from UTF-8 (no string
/// per line). A line that is not a usable record becomes a problem naming the file and line; the lines around it
/// are kept. The position after a page is <c>fileIndex:lineNumber</c>, so an interrupted import resumes after the
/// last stored page.
/// </summary>
public sealed class JsonLinesReader<TRecord>(
    IReadOnlyList<string> files,
    int pageSize,
    Func<ReadOnlySequence<byte>, TRecord?> deserialize,
    Func<TRecord, string, HarvestedPaper> convert)
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    public async IAsyncEnumerable<HarvestPage> ReadAsync(string? resumeFrom, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (startFile, startLine) = ParsePosition(resumeFrom);
        for (var fileIndex = startFile; fileIndex < files.Count; fileIndex++)
        {
            var file = files[fileIndex];
            if (!File.Exists(file))
            {
                throw new FileNotFoundException($"{file}: no such file", file);
            }

            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
            var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 1 << 20));
            var lineNumber = 0;
            var skip = fileIndex == startFile ? startLine : 0;
            var page = new PageBuilder(file, skip + 1, pageSize);
            while (true)
            {
                var result = await pipe.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                while (TryReadLine(ref buffer, result.IsCompleted, out var line))
                {
                    lineNumber++;
                    if (lineNumber <= skip)
                    {
                        continue;
                    }

                    if (lineNumber == 1 && line.Length >= 3 && line.Slice(0, 3).ToArray().AsSpan().SequenceEqual(Bom))
                    {
                        line = line.Slice(3);
                    }

                    Read(line, file, lineNumber, page);
                    if (page.Lines(lineNumber) >= pageSize)
                    {
                        yield return page.Build(lineNumber, $"{fileIndex}:{lineNumber}");
                        page = new PageBuilder(file, lineNumber + 1, pageSize);
                    }
                }

                pipe.AdvanceTo(buffer.Start, buffer.End);
                if (result.IsCompleted)
                {
                    break;
                }
            }

            await pipe.CompleteAsync();
            var last = fileIndex == files.Count - 1;
            if (page.HasContent || last)
            {
                yield return page.Build(lineNumber, last ? null : $"{fileIndex + 1}:0");
            }
        }
    }

    // A line ends at '\n'; the last one may not. Blank lines count as lines but hold no record.
    private static bool TryReadLine(ref ReadOnlySequence<byte> buffer, bool isCompleted, out ReadOnlySequence<byte> line)
    {
        var newline = buffer.PositionOf((byte)'\n');
        if (newline is { } position)
        {
            line = buffer.Slice(0, position);
            buffer = buffer.Slice(buffer.GetPosition(1, position));
            return true;
        }

        if (isCompleted && !buffer.IsEmpty)
        {
            line = buffer;
            buffer = buffer.Slice(buffer.End);
            return true;
        }

        line = default;
        return false;
    }

    private void Read(ReadOnlySequence<byte> line, string file, int lineNumber, PageBuilder page)
    {
        if (IsBlank(line))
        {
            return;
        }

        var location = string.Create(CultureInfo.InvariantCulture, $"{file}:{lineNumber}");
        try
        {
            var record = deserialize(line);
            if (record is null)
            {
                page.Problems.Add(new HarvestProblem(location, "the line is JSON null, not a record"));
                return;
            }

            page.Papers.Add(convert(record, location));
        }
        catch (JsonException e)
        {
            page.Problems.Add(new HarvestProblem(location, $"not a JSON record: {e.Message}"));
        }
        catch (FormatException e)
        {
            page.Problems.Add(new HarvestProblem(location, e.Message));
        }
    }

    private static bool IsBlank(ReadOnlySequence<byte> line)
    {
        foreach (var segment in line)
        {
            foreach (var b in segment.Span)
            {
                if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static (int File, int Line) ParsePosition(string? position)
    {
        if (position is null)
        {
            return (0, 0);
        }

        var parts = position.Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var file)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var line))
        {
            throw new FormatException($"'{position}' is not a file position (fileIndex:line)");
        }

        return (file, line);
    }

    private sealed class PageBuilder(string file, int firstLine, int capacity)
    {
        public List<HarvestedPaper> Papers { get; } = new(capacity);

        public List<HarvestProblem> Problems { get; } = [];

        public bool HasContent => Papers.Count > 0 || Problems.Count > 0;

        public int Lines(int lineNumber) => lineNumber - firstLine + 1;

        public HarvestPage Build(int lastLine, string? next) => new(Papers, Problems, next, $"{file}:{firstLine}-{lastLine}");
    }
}
