using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Roundup.Harvesting;
using Roundup.Papers;

namespace Roundup.Arxiv.Files;

/// <summary>
/// Reads JSON-lines files in pages of a fixed number of lines, in bounded memory, straight from UTF-8 (no string
/// per line). A line that is not a usable record becomes a problem naming the file and line; the lines around it
/// are kept. A line longer than <c>maxLineBytes</c> is let go unread as it streams past, so no line, however long,
/// is held whole; a page also ends once its lines hold <c>maxPageBytes</c>. The position after a page is a
/// <see cref="FilesPosition"/>: each file's identity and how far it was read, so an interrupted import resumes after
/// the last stored page of the files that did not change, and reads a changed file again.
/// </summary>
public sealed class JsonLinesReader<TRecord>(
    IReadOnlyList<string> files,
    int pageSize,
    Func<ReadOnlySequence<byte>, TRecord?> deserialize,
    Func<TRecord, string, HarvestedPaper> convert,
    long maxLineBytes = PaperLimits.MaxRecordBytes,
    long maxPageBytes = JsonLinesReader<TRecord>.DefaultMaxPageBytes)
{
    /// <summary>A page's lines hold at most this much (a normal page of 5,000 snapshot records holds ~9 MB).</summary>
    public const long DefaultMaxPageBytes = 32 * 1024 * 1024;

    /// <summary>How much is read from the file at a time.</summary>
    public const int ReadSize = 1 << 20;
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>The most bytes of input held at once, for tests and benchmarks: at most the line limit and one read.</summary>
    public long LargestBuffered { get; private set; }

    public async IAsyncEnumerable<HarvestPage> ReadAsync(string? resumeFrom, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var resumed = FilesPosition.Parse(resumeFrom);
        var read = new List<FileProgress>();
        for (var fileIndex = 0; fileIndex < files.Count; fileIndex++)
        {
            var file = files[fileIndex];
            var last = fileIndex == files.Count - 1;
            await using var stream = Open(file);
            var identity = FileIdentity.Of(stream);
            var before = resumed.Find(identity);
            if (before is { Done: true })
            {
                read.Add(before);
                continue;
            }

            var lineNumber = before?.Line ?? 0;
            var splitter = new LineSplitter(maxLineBytes, before?.Offset ?? 0);
            stream.Seek(splitter.Offset, SeekOrigin.Begin);
            var pipe = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: ReadSize));
            var page = new PageBuilder(file, lineNumber + 1, pageSize);
            while (true)
            {
                var result = await pipe.ReadAsync(cancellationToken);
                var buffer = result.Buffer;
                LargestBuffered = Math.Max(LargestBuffered, buffer.Length);
                while (splitter.TryRead(ref buffer, result.IsCompleted, out var line, out var overLong))
                {
                    lineNumber++;
                    if (overLong > 0)
                    {
                        page.Problems.Add(new HarvestProblem(
                            Location(file, lineNumber),
                            string.Create(CultureInfo.InvariantCulture, $"the line is {overLong:N0} bytes long (limit {maxLineBytes:N0}): skipped unread")));
                    }
                    else
                    {
                        if (lineNumber == 1 && line.Length >= 3 && line.Slice(0, 3).ToArray().AsSpan().SequenceEqual(Bom))
                        {
                            line = line.Slice(3);
                        }

                        page.Bytes += line.Length;
                        Read(line, file, lineNumber, page);
                    }

                    if (page.Lines(lineNumber) >= pageSize || page.Bytes >= maxPageBytes)
                    {
                        yield return page.Build(lineNumber, Position(read, FileProgress.Of(identity, lineNumber, splitter.Offset, done: false), resumed));
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
            read.Add(FileProgress.Of(identity, lineNumber, splitter.Offset, done: true));
            if (page.HasContent || last)
            {
                yield return page.Build(lineNumber, last ? null : Position(read, null, resumed));
            }
        }
    }

    private static FileStream Open(string file)
    {
        if (Directory.Exists(file))
        {
            throw new FileNotFoundException($"{file}: a folder, not a file", file);
        }

        if (!File.Exists(file))
        {
            throw new FileNotFoundException($"{file}: no such file", file);
        }

        return new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
    }

    // The files read so far, the one being read, and what an earlier run had of the files still to come.
    private static string Position(List<FileProgress> read, FileProgress? current, FilesPosition resumed)
    {
        var files = new List<FileProgress>(read);
        if (current is not null)
        {
            files.Add(current);
        }

        files.AddRange(resumed.Files.Where(f => !files.Any(seen => seen.Path == f.Path)));
        return new FilesPosition(files).ToString();
    }

    private static string Location(string file, int lineNumber) => string.Create(CultureInfo.InvariantCulture, $"{file}:{lineNumber}");

    private void Read(ReadOnlySequence<byte> line, string file, int lineNumber, PageBuilder page)
    {
        if (IsBlank(line))
        {
            return;
        }

        var location = Location(file, lineNumber);
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

    private sealed class PageBuilder(string file, int firstLine, int capacity)
    {
        public List<HarvestedPaper> Papers { get; } = new(capacity);

        public List<HarvestProblem> Problems { get; } = [];

        /// <summary>The bytes of the page's lines, held as records until the page is stored.</summary>
        public long Bytes { get; set; }

        public bool HasContent => Papers.Count > 0 || Problems.Count > 0;

        public int Lines(int lineNumber) => lineNumber - firstLine + 1;

        public HarvestPage Build(int lastLine, string? next) => new(Papers, Problems, next, $"{file}:{firstLine}-{lastLine}");
    }
}
